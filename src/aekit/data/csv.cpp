#include "aekit/data/csv.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <charconv>
#include <string_view>

#include "aekit/error.hpp"
#include "aekit/io/file_bytes.hpp"

namespace aekit::data {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

std::string_view unquote(std::string_view field) {
  if (field.size() >= 2 && field.front() == '"' && field.back() == '"')
    return trim(field.substr(1, field.size() - 2));
  return field;
}

// Splits `line` at commas into trimmed fields.
void split(std::string_view line, std::vector<std::string_view>& fields) {
  fields.clear();
  for (;;) {
    const auto comma = line.find(',');
    fields.push_back(unquote(trim(line.substr(0, comma))));
    if (comma == std::string_view::npos) return;
    line.remove_prefix(comma + 1);
  }
}

bool parse_number(std::string_view field, float& value) {
  if (!field.empty() && field.front() == '+') field.remove_prefix(1);
  const auto* end = field.data() + field.size();
  const auto result = std::from_chars(field.data(), end, value);
  return !field.empty() && result.ec == std::errc() && result.ptr == end;
}

bool all_numbers(const std::vector<std::string_view>& fields) {
  float ignored;
  for (const auto field : fields)
    if (!parse_number(field, ignored)) return false;
  return true;
}

}  // namespace

CsvTable read_csv(const std::filesystem::path& path) {
  const std::string text = io::read_maybe_gzip(path);
  CsvTable table;
  std::vector<float> values;
  std::vector<std::string_view> fields;
  std::size_t columns = 0, rows = 0, first_row_line = 0, line_number = 0;
  for (std::size_t start = 0; start < text.size();) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line = trim(std::string_view(text).substr(start, end - start));
    start = end + 1;
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    split(line, fields);
    if (columns == 0 && table.header.empty() && !all_numbers(fields)) {
      for (const auto field : fields) table.header.emplace_back(field);
      continue;
    }
    if (columns == 0) {
      columns = fields.size();
      first_row_line = line_number;
    }
    if (!table.header.empty() && fields.size() != table.header.size())
      throw Error(fmt::format("'{}' line {} has {} columns, expected {} like the header",
                              path.string(), line_number, fields.size(), table.header.size()));
    if (fields.size() != columns)
      throw Error(fmt::format("'{}' line {} has {} columns, expected {} like line {}",
                              path.string(), line_number, fields.size(), columns,
                              first_row_line));
    for (std::size_t j = 0; j < fields.size(); ++j) {
      float value;
      if (!parse_number(fields[j], value))
        throw Error(fmt::format("'{}' line {}, column {}: expected a number, found '{}'",
                                path.string(), line_number, j + 1, fields[j]));
      values.push_back(value);
    }
    ++rows;
  }
  if (columns == 0) columns = table.header.size();
  table.x = Eigen::Map<FloatMatrix>(values.data(), static_cast<Index>(rows),
                                    static_cast<Index>(columns));
  return table;
}

void write_csv(const std::filesystem::path& path, const FloatMatrix& x,
               const std::vector<std::string>& header) {
  std::string text;
  if (!header.empty()) text = fmt::format("{}\n", fmt::join(header, ","));
  for (Index i = 0; i < x.rows(); ++i) {
    for (Index j = 0; j < x.cols(); ++j)
      fmt::format_to(std::back_inserter(text), "{}{}", j ? "," : "", x(i, j));
    text += '\n';
  }
  io::write_maybe_gzip(path, text);
}

}  // namespace aekit::data
