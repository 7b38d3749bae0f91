// The page's own HTML, CSS and JavaScript (engine/report/page/), compiled into the binary
// by embed_files.cmake so `clade report` needs no files at run time.
#pragma once

#include <string_view>

namespace clade::report::assets {

std::string_view Html();  // page/report.html: the skeleton with @@CLADE_...@@ markers
std::string_view Css();   // page/report.css
std::string_view Js();    // page/report.js

}  // namespace clade::report::assets
