#include "engine/report/report_page.h"

#include <string>

#include <catch2/catch.hpp>

#include "engine/report/page_assets.h"

namespace clade::report {
namespace {

nlohmann::json TinySummary(const std::string& summary_text) {
  return {{"format", 1},
          {"run", "demo <run>"},
          {"archive", "/tmp/a.git"},
          {"benchmark", "repair"},
          {"benchmarks", {"repair"}},
          {"generated", "2026-01-01 00:00:00"},
          {"best", 0},
          {"best_path", {0}},
          {"counts", {{"evaluated", 1}}},
          {"variants",
           {{{"id", 0},
             {"parents", nlohmann::json::array()},
             {"status", "evaluated"},
             {"score", 0.5},
             {"pruned", false},
             {"mutator", ""},
             {"time", 0},
             {"summary", summary_text}}}}};
}

TEST_CASE("The embedded page files are the ones in engine/report/page") {
  CHECK(assets::Html().find("<!DOCTYPE html>") == 0);
  for (const char* marker :
       {"@@CLADE_TITLE@@", "@@CLADE_STYLE@@", "@@CLADE_SCRIPT@@", "@@CLADE_DATA@@"}) {
    CHECK(assets::Html().find(marker) != std::string_view::npos);
  }
  CHECK(assets::Css().find("#nodes circle") != std::string_view::npos);
  CHECK(assets::Js().find("cladeReport") != std::string_view::npos);
}

TEST_CASE("The page's own CSS and JavaScript cannot end their element or load from the network") {
  for (std::string_view asset : {assets::Css(), assets::Js()}) {
    std::string text(asset);
    const std::string svg_namespace = "'http://www.w3.org/2000/svg'";  // a name, not a request
    if (auto at = text.find(svg_namespace); at != std::string::npos)
      text.erase(at, svg_namespace.size());
    CHECK(text.find("</script") == std::string::npos);
    CHECK(text.find("</style") == std::string_view::npos);
    CHECK(text.find("@@CLADE_") == std::string_view::npos);
    CHECK(text.find("http://") == std::string_view::npos);
    CHECK(text.find("https://") == std::string_view::npos);
    // file:// pages cannot fetch: only the live page (served by clade serve) fetches, and
    // only its own server's API (the static page in Chromium: report_browser_test).
    for (size_t at = text.find("fetch("); at != std::string::npos; at = text.find("fetch(", at + 1)) {
      CHECK(text.compare(at, 11, "fetch('api/") == 0);
    }
    for (size_t at = text.find("EventSource("); at != std::string::npos;
         at = text.find("EventSource(", at + 1)) {
      CHECK(text.compare(at, 18, "EventSource('api/e") == 0);
    }
  }
}

TEST_CASE("RenderIndexHtml fills every marker and keeps data from closing the script") {
  std::string page =
      RenderIndexHtml(TinySummary("</script><script>alert(1)</script> @@CLADE_DATA@@"));
  // The one marker left is the summary's own text, inside the data: text put in is never
  // searched for markers.
  size_t marker = page.find("@@CLADE_");
  CHECK(marker != std::string::npos);
  CHECK(page.find("@@CLADE_", marker + 1) == std::string::npos);
  CHECK(marker > page.find("id=\"clade-data\""));
  CHECK(RenderIndexHtml(TinySummary("plain")).find("@@CLADE_") == std::string::npos);
  CHECK(page.find("<title>clade report: demo &lt;run&gt;</title>") != std::string::npos);
  CHECK(page.find("alert(1)") != std::string::npos);
  CHECK(page.find("<script>alert") == std::string::npos);
  CHECK(page.find("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)") != std::string::npos);
}

TEST_CASE("ScriptSafeJson escapes markup characters and replaces invalid UTF-8") {
  nlohmann::json value = {{"diff", std::string("<a> & \xff\xfe end")}};
  std::string text = ScriptSafeJson(value);
  CHECK(text.find('<') == std::string::npos);
  CHECK(text.find('>') == std::string::npos);
  CHECK(text.find('&') == std::string::npos);
  auto parsed = nlohmann::json::parse(text);
  CHECK(parsed["diff"].get<std::string>().rfind("<a> & ", 0) == 0);
  CHECK(parsed["diff"].get<std::string>().find("\xef\xbf\xbd") != std::string::npos);  // U+FFFD
}

TEST_CASE("RenderDetailScript is one call of cladeReport.detail with the variant's id") {
  std::string script = RenderDetailScript({{"id", 42}, {"diff", "</script>"}});
  CHECK(script.rfind("cladeReport.detail(42, {", 0) == 0);
  CHECK(script.find("</script>") == std::string::npos);
}

}  // namespace
}  // namespace clade::report
