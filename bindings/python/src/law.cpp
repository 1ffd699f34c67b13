// File: law.cpp — the law part of mynumber._core: JSON in, JSON out for the six questions of
// the My Number Act engine (docs/law.md). The public Python API (mynumber.law) builds the
// requests and parses the responses; errors arrive as LawQueryError (codes 300–399).
#include <pybind11/pybind11.h>

#include <string>
#include <string_view>

#include "mynumber/law.hpp"
#include "py_common.hpp"

namespace mynumber::python {

void register_law(py::module_& m) {
  m.def(
      "law_answer_json",
      [](py::handle request) {
        const std::string text(text_arg(request));  // copied: the GIL is released below
        std::string out;
        {
          py::gil_scoped_release unlocked;
          out = law::try_answer_json(text).value();
        }
        return out;
      },
      py::arg("request"),
      "Answers one JSON request (its \"question\" member picks the question) with a JSON response. "
      "Raises LawQueryError (json_malformed, law_invalid_query, law_unknown_id, law_date_out_of_range).");
  m.def(
      "law_answer_question_json",
      [](const std::string& question, py::handle request) {
        const std::string text(text_arg(request));
        std::string out;
        {
          py::gil_scoped_release unlocked;
          out = law::try_answer_question_json(question, text).value();
        }
        return out;
      },
      py::arg("question"), py::arg("request"),
      "Like law_answer_json for one named question; the request's \"question\" member may be omitted.");
  m.def(
      "law_rule_ids",
      []() {
        py::list ids;
        for (std::size_t i = 0; i < law::rule_count; ++i)
          ids.append(py::str(std::string(law::detail::rule_records[i].id)));
        return py::tuple(ids);
      },
      "The semantic IDs of every rule (e.g. 'P19.NETWORK'), in table order.");
  m.attr("law_disclaimer") = py::str(std::string(law::disclaimer));
}

}  // namespace mynumber::python
