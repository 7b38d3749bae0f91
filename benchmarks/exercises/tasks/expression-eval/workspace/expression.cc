#include "expression.h"

double evaluate(std::string_view expr) {
  (void)expr;
  return 0;
}
