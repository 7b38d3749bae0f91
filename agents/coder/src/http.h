// A minimal HTTP/1.1 client over a Unix socket: one POST per connection ("Connection:
// close"), the answer read to the end of the connection, its body taken by
// Content-Length or decoded from chunked transfer encoding.
#pragma once

#include <string>

namespace coder {

struct HttpResponse {
  int status = 0;
  std::string body;
};

// POSTs `body` (JSON) to `target` (e.g. "/v1/chat/completions") on the Unix socket at
// `socket_path`, waiting at most `timeout_seconds` for the whole exchange. On failure
// (connect, timeout, malformed answer) returns false with `error` set to one sentence.
bool PostJson(const std::string& socket_path, const std::string& target, const std::string& body,
              double timeout_seconds, HttpResponse* response, std::string* error);

// Decodes a chunked body. False when it is malformed or incomplete.
bool DecodeChunked(const std::string& raw, std::string* body);

}  // namespace coder
