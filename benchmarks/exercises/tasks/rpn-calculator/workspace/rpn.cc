#include "rpn.h"

long long eval_rpn(std::string_view expr) {
  (void)expr;
  return 0;
}
