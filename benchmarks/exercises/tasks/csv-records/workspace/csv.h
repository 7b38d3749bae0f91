// Splitting CSV text (RFC 4180) into records of fields.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

using Record = std::vector<std::string>;

struct CsvError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Throws CsvError on an unclosed quote or text after a closing quote.
std::vector<Record> parse_csv(std::string_view text);
