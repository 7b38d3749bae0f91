#include "task.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// A tiny recursive-descent JSON reader. It walks every value (so nesting is skipped
// correctly) and reports (path, scalar) pairs to a callback; the path is the dotted chain
// of object keys, e.g. "limits.agent_seconds".
struct Reader {
  const std::string& s;
  size_t i = 0;
  bool ok = true;
  template <class F>
  void value(const std::string& path, F& on_scalar) {
    ws();
    if (i >= s.size()) { ok = false; return; }
    char c = s[i];
    if (c == '{') {
      ++i;
      ws();
      if (peek('}')) { ++i; return; }
      while (ok) {
        ws();
        std::string key = string_lit();
        ws();
        if (!peek(':')) { ok = false; return; }
        ++i;
        value(path.empty() ? key : path + "." + key, on_scalar);
        ws();
        if (peek(',')) { ++i; continue; }
        if (peek('}')) { ++i; return; }
        ok = false;
      }
    } else if (c == '[') {
      ++i;
      ws();
      if (peek(']')) { ++i; return; }
      while (ok) {
        value(path + "[]", on_scalar);
        ws();
        if (peek(',')) { ++i; continue; }
        if (peek(']')) { ++i; return; }
        ok = false;
      }
    } else if (c == '"') {
      on_scalar(path, string_lit());
    } else {
      size_t b = i;
      while (i < s.size() && (std::isalnum((unsigned char)s[i]) || s[i] == '-' ||
                              s[i] == '+' || s[i] == '.'))
        ++i;
      if (b == i) { ok = false; return; }
      on_scalar(path, s.substr(b, i - b));
    }
  }
  bool peek(char c) const { return i < s.size() && s[i] == c; }
  void ws() { while (i < s.size() && std::isspace((unsigned char)s[i])) ++i; }
  std::string string_lit() {
    std::string out;
    if (!peek('"')) { ok = false; return out; }
    ++i;
    while (i < s.size() && s[i] != '"') {
      char c = s[i++];
      if (c != '\\') { out += c; continue; }
      if (i >= s.size()) break;
      char e = s[i++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {  // basic multilingual plane only, encoded as UTF-8
          unsigned cp = std::strtoul(s.substr(i, 4).c_str(), nullptr, 16);
          i += 4;
          if (cp < 0x80) out += char(cp);
          else if (cp < 0x800) { out += char(0xC0 | (cp >> 6)); out += char(0x80 | (cp & 0x3F)); }
          else {
            out += char(0xE0 | (cp >> 12));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
          }
          break;
        }
        default: out += e;
      }
    }
    if (!peek('"')) ok = false;
    ++i;
    return out;
  }
};

}  // namespace

bool parse_task(const std::string& json, Task& task) {
  Reader r{json};
  auto on_scalar = [&](const std::string& path, const std::string& v) {
    if (path == "id") task.id = v;
    else if (path == "statement") task.statement = v;
    else if (path == "visible_test") task.visible_test = v;
    else if (path == "limits.agent_seconds") task.agent_seconds = std::atof(v.c_str());
  };
  r.ws();
  if (!r.peek('{')) return false;
  r.value("", on_scalar);
  return r.ok;
}

bool load_task(const std::string& path, Task& task) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_task(ss.str(), task);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  return bool(out);
}

namespace {
void walk(const std::string& root, const std::string& rel, bool program_only,
          std::vector<std::string>& out) {
  DIR* d = opendir((rel.empty() ? root : root + "/" + rel).c_str());
  if (!d) return;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    std::string r = rel.empty() ? name : rel + "/" + name;
    struct stat st;
    if (lstat((root + "/" + r).c_str(), &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      if (program_only && (name == "build" || name.rfind("test", 0) == 0 || name[0] == '.'))
        continue;
      walk(root, r, program_only, out);
    } else if (S_ISREG(st.st_mode)) {
      out.push_back(r);
    }
  }
  closedir(d);
}
}  // namespace

std::vector<std::string> list_files(const std::string& dir, bool program_only) {
  std::vector<std::string> out;
  walk(dir, "", program_only, out);
  std::sort(out.begin(), out.end());
  return out;
}

std::string current_dir() {
  char buf[4096];
  return getcwd(buf, sizeof buf) ? std::string(buf) : std::string(".");
}
