#include "engine/report/report_page.h"

#include <functional>
#include <map>
#include <string_view>

#include <fmt/format.h>

#include "engine/report/page_assets.h"

namespace clade::report {

namespace {

// Replaces each @@CLADE_NAME@@ marker of the skeleton in one pass from left to right, so
// text put in (a run name, a summary) is never searched for markers itself. Unknown
// markers stay as they are (tests/report checks that every marker is known).
std::string Expand(std::string_view skeleton,
                   const std::map<std::string, std::string_view, std::less<>>& values) {
  constexpr std::string_view kOpen = "@@CLADE_";
  std::string out;
  size_t at = 0;
  while (true) {
    size_t start = skeleton.find(kOpen, at);
    size_t end = start == std::string_view::npos ? start : skeleton.find("@@", start + 2);
    if (end == std::string_view::npos) break;
    auto value = values.find(skeleton.substr(start + kOpen.size(), end - start - kOpen.size()));
    if (value == values.end()) {
      out += skeleton.substr(at, end - at);
      at = end;
      continue;
    }
    out += skeleton.substr(at, start - at);
    out += value->second;
    at = end + 2;
  }
  out += skeleton.substr(at);
  return out;
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string ScriptSafeJson(const nlohmann::json& value) {
  std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size() + text.size() / 64);
  // These characters occur only inside JSON strings, where a \u escape means the same.
  for (char c : text) {
    switch (c) {
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      case '&':
        out += "\\u0026";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string RenderIndexHtml(const nlohmann::json& summary) {
  std::string title =
      HtmlEscape(fmt::format("clade report: {}", summary.value("run", std::string("run"))));
  std::string data = ScriptSafeJson(summary);
  return Expand(
      assets::Html(),
      {{"TITLE", title}, {"STYLE", assets::Css()}, {"SCRIPT", assets::Js()}, {"DATA", data}});
}

std::string RenderDetailScript(const nlohmann::json& detail) {
  return fmt::format("cladeReport.detail({}, {});\n", detail.value("id", 0),
                     ScriptSafeJson(detail));
}

}  // namespace clade::report
