#include "engine/model/edit_parser.h"

#include <catch2/catch.hpp>

namespace clade::model {

using mutation::AddFile;
using mutation::InsertFunction;
using mutation::ReplaceFunction;
using mutation::SearchReplace;

TEST_CASE("Every block form is read, with the path from the line before or the marker") {
  std::string answer = R"(I will change two things.

**src/a.cc**
```cpp
<<<<<<< SEARCH
int x = 1;
=======
int x = 2;
>>>>>>> REPLACE
```

<<<<<<< SEARCH src/b.cc
old
=======
>>>>>>> REPLACE
<<<<<<< FUNCTION ns::F(int)
int F(int a) { return a; }
>>>>>>> END
<<<<<<< INSERT AFTER ns::F
int G() { return 0; }
>>>>>>> END
<<<<<<< INSERT IN src/c.cc
int H() { return 1; }
>>>>>>> END
<<<<<<< NEW FILE src/new.h
#pragma once
>>>>>>> END
)";
  std::vector<mutation::Edit> edits = ParseEdits(answer).value();
  REQUIRE(edits.size() == 6);
  auto first = std::get<SearchReplace>(edits[0]);
  CHECK(first.path == "src/a.cc");
  CHECK(first.search == "int x = 1;\n");
  CHECK(first.replace == "int x = 2;\n");
  auto second = std::get<SearchReplace>(edits[1]);
  CHECK(second.path == "src/b.cc");
  CHECK(second.replace.empty());
  CHECK(std::get<ReplaceFunction>(edits[2]).name == "ns::F(int)");
  CHECK(std::get<ReplaceFunction>(edits[2]).text == "int F(int a) { return a; }\n");
  CHECK(std::get<InsertFunction>(edits[3]).after == "ns::F");
  CHECK(std::get<InsertFunction>(edits[4]).path == "src/c.cc");
  CHECK(std::get<AddFile>(edits[5]).path == "src/new.h");
  CHECK(std::get<AddFile>(edits[5]).text == "#pragma once\n");
}

TEST_CASE("A SEARCH block without a path line searches every editable file") {
  auto edits = ParseEdits("Change this:\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE\n").value();
  REQUIRE(edits.size() == 1);
  CHECK(std::get<SearchReplace>(edits[0]).path.empty());
  CHECK(ParseEdits("No edits here.\n").value().empty());
}

TEST_CASE("Malformed blocks are errors naming the line") {
  auto error = [](const std::string& text) { return ParseEdits(text).error().message; };
  CHECK(error("x\n<<<<<<< SEARCH\na\n>>>>>>> REPLACE\n") ==
        "line 2: the SEARCH block has no '=======' line");
  CHECK(error("<<<<<<< SEARCH\na\n=======\nb\n") ==
        "line 1: the SEARCH block is never closed by '>>>>>>> REPLACE'");
  CHECK(error("<<<<<<< FUNCTION\nint f();\n>>>>>>> END\n") ==
        "line 1: 'FUNCTION' needs a name after it");
  CHECK(error("<<<<<<< NEW FILE a.h\ntext\n") ==
        "line 1: the NEW FILE block is never closed by '>>>>>>> END'");
}

}  // namespace clade::model
