#include "http.h"

#include <chrono>
#include <cstdlib>
#include <cstring>

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace coder {
namespace {

using Clock = std::chrono::steady_clock;

// Owns a file descriptor.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

int MillisLeft(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return left.count() > 0 ? static_cast<int>(left.count()) : 0;
}

bool WaitFor(int fd, short events, Clock::time_point deadline) {
  pollfd entry{fd, events, 0};
  int ready = ::poll(&entry, 1, MillisLeft(deadline));
  return ready > 0;
}

bool SendAll(int fd, const std::string& data, Clock::time_point deadline) {
  size_t sent = 0;
  while (sent < data.size()) {
    if (!WaitFor(fd, POLLOUT, deadline)) return false;
    ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    sent += static_cast<size_t>(n);
  }
  return true;
}

// Reads until the peer closes the connection. False on timeout or error.
bool ReadAll(int fd, Clock::time_point deadline, std::string* out) {
  char buffer[16384];
  while (true) {
    if (!WaitFor(fd, POLLIN, deadline)) return false;
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) return true;
    out->append(buffer, static_cast<size_t>(n));
  }
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// The value of header `name` (lower case) in the header block, or "".
std::string Header(const std::string& headers, const std::string& name) {
  size_t start = 0;
  while (start < headers.size()) {
    size_t end = headers.find("\r\n", start);
    if (end == std::string::npos) end = headers.size();
    std::string line = headers.substr(start, end - start);
    size_t colon = line.find(':');
    if (colon != std::string::npos && Lower(line.substr(0, colon)) == name) {
      size_t value = line.find_first_not_of(" \t", colon + 1);
      return value == std::string::npos ? "" : line.substr(value);
    }
    start = end + 2;
  }
  return "";
}

}  // namespace

bool DecodeChunked(const std::string& raw, std::string* body) {
  size_t pos = 0;
  while (true) {
    size_t line_end = raw.find("\r\n", pos);
    if (line_end == std::string::npos) return false;
    std::string size_text = raw.substr(pos, line_end - pos);
    size_t size = 0;
    try {
      size = std::stoul(size_text, nullptr, 16);  // stops at a ";extension"
    } catch (...) {
      return false;
    }
    pos = line_end + 2;
    if (size == 0) return true;  // trailers, if any, are ignored
    if (pos + size + 2 > raw.size()) return false;
    body->append(raw, pos, size);
    pos += size + 2;
  }
}

bool PostJson(const std::string& socket_path, const std::string& target, const std::string& body,
              double timeout_seconds, HttpResponse* response, std::string* error) {
  auto deadline =
      Clock::now() + std::chrono::milliseconds(static_cast<int64_t>(timeout_seconds * 1000));
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (socket_path.size() >= sizeof address.sun_path) {
    *error = "the model socket path " + socket_path + " is too long";
    return false;
  }
  std::memcpy(address.sun_path, socket_path.c_str(), socket_path.size() + 1);
  Fd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (fd.get() < 0 ||
      ::connect(fd.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    *error = "cannot connect to the model socket " + socket_path + ": " + std::strerror(errno);
    return false;
  }
  std::string request = "POST " + target +
                        " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        "Accept: application/json\r\nConnection: close\r\nContent-Length: " +
                        std::to_string(body.size()) + "\r\n\r\n" + body;
  std::string raw;
  if (!SendAll(fd.get(), request, deadline) || !ReadAll(fd.get(), deadline, &raw)) {
    *error = MillisLeft(deadline) == 0
                 ? "the model socket did not answer within " +
                       std::to_string(static_cast<int>(timeout_seconds)) + " s"
                 : std::string("the connection to the model socket broke: ") + std::strerror(errno);
    return false;
  }
  size_t header_end = raw.find("\r\n\r\n");
  if (raw.compare(0, 5, "HTTP/") != 0 || header_end == std::string::npos) {
    *error = "the model socket's answer is not HTTP";
    return false;
  }
  size_t space = raw.find(' ');
  response->status = std::atoi(raw.c_str() + space + 1);
  std::string headers = raw.substr(0, header_end);
  std::string rest = raw.substr(header_end + 4);
  response->body.clear();
  if (Lower(Header(headers, "transfer-encoding")).find("chunked") != std::string::npos) {
    if (!DecodeChunked(rest, &response->body)) {
      *error = "the model socket's chunked answer is incomplete";
      return false;
    }
    return true;
  }
  std::string length = Header(headers, "content-length");
  if (!length.empty()) {
    size_t wanted = std::strtoull(length.c_str(), nullptr, 10);
    if (rest.size() < wanted) {
      *error = "the model socket's answer is truncated (" + std::to_string(rest.size()) + " of " +
               length + " bytes)";
      return false;
    }
    rest.resize(wanted);
  }
  response->body = std::move(rest);
  return true;
}

}  // namespace coder
