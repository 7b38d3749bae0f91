#include "expression.h"

#include <cctype>
#include <cmath>
#include <string>

namespace {

// Recursive descent, one function per precedence level:
//   sum     := product (('+' | '-') product)*
//   product := unary (('*' | '/') unary)*
//   unary   := ('-' | '+') unary | power
//   power   := atom ('^' unary)?
//   atom    := number | '(' sum ')'
class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  double parse() {
    double v = sum();
    if (peek() != '\0') throw ParseError("unexpected '" + std::string(1, peek()) + "'");
    return v;
  }

 private:
  char peek() {
    while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
    return pos_ < text_.size() ? text_[pos_] : '\0';
  }

  bool accept(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }

  double sum() {
    double v = product();
    for (;;) {
      if (accept('+')) v += product();
      else if (accept('-')) v -= product();
      else return v;
    }
  }

  double product() {
    double v = unary();
    for (;;) {
      if (accept('*')) v *= unary();
      else if (accept('/')) v /= unary();
      else return v;
    }
  }

  double unary() {
    if (accept('-')) return -unary();
    if (accept('+')) return unary();
    return power();
  }

  double power() {
    double base = atom();
    if (accept('^')) return std::pow(base, unary());
    return base;
  }

  double atom() {
    if (accept('(')) {
      double v = sum();
      if (!accept(')')) throw ParseError("missing ')'");
      return v;
    }
    char c = peek();
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.') {
      throw ParseError(c == '\0' ? "missing operand" : "unexpected '" + std::string(1, c) + "'");
    }
    std::size_t start = pos_;
    int dots = 0, digits = 0;
    while (pos_ < text_.size() &&
           (std::isdigit(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '.')) {
      if (text_[pos_] == '.') ++dots;
      else ++digits;
      ++pos_;
    }
    if (dots > 1 || digits == 0) throw ParseError("malformed number");
    return std::stod(std::string(text_.substr(start, pos_ - start)));
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

double evaluate(std::string_view expr) { return Parser(expr).parse(); }
