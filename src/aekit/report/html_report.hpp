#pragma once
// A run's report.html: one page with inline CSS and no external resources; figures are <img>
// tags that reference PNG/SVG files in the same folder. Its one script is the latent
// explorer's (latent_explorer.hpp), inline in that section.
//
//   title
//   summary   key | value table (model, data, epochs, final losses, ...)
//   sections  heading + HTML body each (figures, tables, text)
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "aekit/report/escape.hpp"

namespace aekit::report {

struct ReportSection {
  std::string heading;  // plain text (escaped when rendered)
  std::string html;     // trusted markup, built with figure_html / table_html / html_escape
};

struct Report {
  std::string title;
  std::vector<std::pair<std::string, std::string>> summary;  // key -> value, plain text
  std::vector<ReportSection> sections;
};

// <figure> showing `relative_src` (a file next to the report) with `caption` below it.
std::string figure_html(const std::string& relative_src, const std::string& caption);

// <table> with one header row and body rows; every cell is plain text (escaped).
std::string table_html(const std::vector<std::string>& header,
                       const std::vector<std::vector<std::string>>& rows);

// The whole page as a string.
std::string render_html_report(const Report& report);

// Writes render_html_report(report) to `path` atomically.
void write_html_report(const std::filesystem::path& path, const Report& report);

}  // namespace aekit::report
