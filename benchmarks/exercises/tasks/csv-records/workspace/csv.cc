#include "csv.h"

std::vector<Record> parse_csv(std::string_view text) {
  std::vector<Record> records;
  Record record;
  std::string field;
  for (char c : text) {
    if (c == ',') {
      record.push_back(field);
      field.clear();
    } else if (c == '\n') {
      record.push_back(field);
      records.push_back(record);
      record.clear();
      field.clear();
    } else {
      field += c;
    }
  }
  return records;
}
