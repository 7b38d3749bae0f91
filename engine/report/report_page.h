// The text of the report's files: index.html (the page's HTML, CSS and JavaScript with the
// summary inline, so it opens from file:// with no network) and one small script per
// variant (variants/<id>.js) that the page adds with a <script src> tag when the variant
// is clicked: file:// pages cannot fetch(), but they can load scripts.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace clade::report {

// index.html for a summary from SummaryJson.
std::string RenderIndexHtml(const nlohmann::json& summary);

// variants/<id>.js for a detail from DetailJson: one call cladeReport.detail(id, {...}).
std::string RenderDetailScript(const nlohmann::json& detail);

// JSON that is safe inside a <script> element: '<', '>' and '&' are written as \u escapes
// (so no "</script>" or "<!--" can end it early) and invalid UTF-8 (a binary diff) is
// replaced by U+FFFD.
std::string ScriptSafeJson(const nlohmann::json& value);

}  // namespace clade::report
