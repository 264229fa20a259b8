#pragma once
// The "Classification" section of a classifier's run report, from summary.json's
// "classification" object (models/classifier/classification_metrics.hpp): the test accuracy
// and cross-entropy, a table per class (rows, recall = correct / rows of the class,
// precision = correct / rows predicted as it), the confusion matrix as a table and as
// confusion.svg (report/confusion_svg.hpp), written into the folder.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "aekit/report/html_report.hpp"

namespace aekit::app {

// class_names: by label; empty: the labels themselves.
report::ReportSection classification_section(const std::filesystem::path& folder,
                                             const nlohmann::json& classification,
                                             const std::vector<std::string>& class_names);

}  // namespace aekit::app
