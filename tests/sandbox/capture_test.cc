#include "sandbox/capture.h"

#include <string>

#include <catch2/catch.hpp>
#include <unistd.h>

#include "support/fs.h"

namespace clade::sandbox {

TEST_CASE("CappedCapture keeps the first bytes up to the cap and counts the rest") {
  TempDir dir("capture-test");
  auto capture = CappedCapture::Open(dir.path() / "out", 10);
  REQUIRE(capture);
  std::string text = "0123456789abcdef";
  REQUIRE(::write(capture->write_fd(), text.data(), text.size()) == 16);
  REQUIRE(capture->Pump().value());  // data read, writer still open
  capture->CloseWriteEnd();
  CHECK_FALSE(capture->Pump().value());  // end of file
  CHECK(capture->total_bytes() == 16);
  CHECK(capture->truncated());
  CHECK(ReadFile(dir.path() / "out").value() == "0123456789");
}

TEST_CASE("CappedCapture below the cap keeps everything") {
  TempDir dir("capture-test");
  auto capture = CappedCapture::Open(dir.path() / "out", 100);
  REQUIRE(capture);
  REQUIRE(::write(capture->write_fd(), "hello", 5) == 5);
  capture->CloseWriteEnd();
  while (capture->Pump().value()) {
  }
  CHECK_FALSE(capture->truncated());
  CHECK(ReadFile(dir.path() / "out").value() == "hello");
}

}  // namespace clade::sandbox
