#pragma once
// A run's report.html: one page with inline CSS and no external resources; figures are <img>
// tags whose source is the figure file itself as a data: URI (data_uri.hpp), so the page can
// be mailed alone; each names its file (data-file). Its one script is the latent explorer's
// (latent_explorer.hpp), inline in that section.
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
  int refresh_seconds = 0;  // > 0: the browser reloads the page this often (a run in progress)
  std::vector<std::pair<std::string, std::string>> summary;  // key -> value, plain text
  std::vector<ReportSection> sections;
};

// <figure> showing the PNG/SVG `file`, embedded as a data: URI, with `caption` below it:
//   <figure><img src="data:..." alt="caption" data-file="loss.svg"><figcaption>...
// Throws aekit::Error if the file cannot be read.
std::string figure_html(const std::filesystem::path& file, const std::string& caption);

// <table> with one header row and body rows; every cell is plain text (escaped).
std::string table_html(const std::vector<std::string>& header,
                       const std::vector<std::vector<std::string>>& rows);

// The whole page as a string.
std::string render_html_report(const Report& report);

// Writes render_html_report(report) to `path` atomically.
void write_html_report(const std::filesystem::path& path, const Report& report);

}  // namespace aekit::report
