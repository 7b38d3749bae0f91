#include "csv.h"

std::vector<Record> parse_csv(std::string_view text) {
  std::vector<Record> records;
  Record record;
  std::string field;
  std::size_t i = 0;
  auto end_field = [&] {
    record.push_back(field);
    field.clear();
  };
  auto end_record = [&] {
    end_field();
    records.push_back(record);
    record.clear();
  };
  while (i < text.size()) {
    char c = text[i];
    if (c == '"' && field.empty()) {
      // A quoted field runs to the next quote that is not doubled.
      ++i;
      for (;;) {
        if (i >= text.size()) throw CsvError("unclosed quote");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += text[i++];
      }
      if (i < text.size() && text[i] != ',' && text[i] != '\n' &&
          !(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n'))
        throw CsvError("text after a closing quote");
      if (i >= text.size()) break;
      c = text[i];
    }
    if (c == ',') {
      end_field();
      ++i;
    } else if (c == '\n') {
      end_record();
      ++i;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      end_record();
      i += 2;
    } else {
      field += c;
      ++i;
    }
  }
  // The last record, unless the text ended with a line break (or was empty).
  if (!text.empty() && (text.back() != '\n' || !record.empty() || !field.empty())) end_record();
  return records;
}
