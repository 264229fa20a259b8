#include "aekit/data/scaling.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "aekit/error.hpp"

namespace aekit::data {
namespace {

constexpr std::string_view kValidNames = "none, unit (to [0,1]), symmetric (to [-1,1]), standardize";

}  // namespace

ScalingKind parse_scaling_kind(std::string_view name) {
  if (name == "none") return ScalingKind::none;
  if (name == "unit") return ScalingKind::unit;
  if (name == "symmetric") return ScalingKind::symmetric;
  if (name == "standardize") return ScalingKind::standardize;
  throw UsageError(fmt::format("unknown scaling '{}': expected one of {}", name, kValidNames));
}

std::string_view scaling_name(ScalingKind kind) {
  switch (kind) {
    case ScalingKind::none: return "none";
    case ScalingKind::unit: return "unit";
    case ScalingKind::symmetric: return "symmetric";
    case ScalingKind::standardize: return "standardize";
  }
  assertion_failed("known ScalingKind", __FILE__, __LINE__);
}

Scaling Scaling::fit(ScalingKind kind, const FloatMatrix& train) {
  if (train.size() == 0 && kind != ScalingKind::none)
    throw Error(fmt::format("cannot fit scaling '{}' on empty data ({} rows, {} columns)",
                            scaling_name(kind), train.rows(), train.cols()));
  Scaling scaling;
  scaling.kind_ = kind;
  if (kind == ScalingKind::unit || kind == ScalingKind::symmetric) {
    scaling.min_ = train.minCoeff();
    scaling.max_ = train.maxCoeff();
  } else if (kind == ScalingKind::standardize) {
    // Two passes in double: the mean first, then the spread around it (no cancellation).
    const Eigen::RowVectorXd mean = train.cast<double>().colwise().mean();
    const Eigen::RowVectorXd var =
        (train.cast<double>().rowwise() - mean).array().square().colwise().mean();
    for (Index j = 0; j < train.cols(); ++j) {
      const double sd = std::sqrt(var[j]);
      const bool constant = sd < 1e-8 * std::max(1.0, std::abs(mean[j]));
      scaling.mean_.push_back(static_cast<float>(mean[j]));
      scaling.std_.push_back(constant ? 1.0f : static_cast<float>(sd));
    }
  }
  return scaling;
}

// Per feature (standardize) or one value broadcast to every column.
Scaling::Affine Scaling::affine(Index columns) const {
  if (kind_ == ScalingKind::none)
    return {Eigen::RowVectorXf::Zero(columns), Eigen::RowVectorXf::Ones(columns)};
  if (kind_ == ScalingKind::standardize) {
    if (static_cast<std::size_t>(columns) != mean_.size())
      throw Error(fmt::format(
          "the standardize scaling was fitted on {} features, the data has {} columns (is it "
          "the data the model was trained on?)",
          mean_.size(), columns));
    return {Eigen::Map<const Eigen::RowVectorXf>(mean_.data(), columns),
            Eigen::Map<const Eigen::RowVectorXf>(std_.data(), columns).cwiseInverse()};
  }
  const double range = max_ > min_ ? double(max_) - double(min_) : 1.0;
  const bool unit = kind_ == ScalingKind::unit;
  return {Eigen::RowVectorXf::Constant(columns, static_cast<float>(unit ? min_ : 0.5 * (double(min_) + max_))),
          Eigen::RowVectorXf::Constant(columns, static_cast<float>((unit ? 1.0 : 2.0) / range))};
}

void Scaling::apply(FloatMatrix& x) const {
  if (kind_ == ScalingKind::none) return;
  const Affine map = affine(x.cols());
  x = (x.rowwise() - map.shift).array().rowwise() * map.gain.array();
}

void Scaling::invert(FloatMatrix& x) const {
  if (kind_ == ScalingKind::none) return;
  const Affine map = affine(x.cols());
  x = (x.array().rowwise() / map.gain.array()).matrix().rowwise() + map.shift;
}

nlohmann::json Scaling::to_json() const {
  nlohmann::json json = {{"kind", scaling_name(kind_)}};
  if (kind_ == ScalingKind::unit || kind_ == ScalingKind::symmetric) {
    json["min"] = min_;
    json["max"] = max_;
  } else if (kind_ == ScalingKind::standardize) {
    json["mean"] = mean_;
    json["std"] = std_;
  }
  return json;
}

Scaling Scaling::from_json(const nlohmann::json& json) {
  Scaling scaling;
  try {
    const auto name = json.at("kind").get<std::string>();
    try {
      scaling.kind_ = parse_scaling_kind(name);
    } catch (const UsageError& e) {
      throw Error(fmt::format("the model records {}; is it from a newer aekit?", e.what()));
    }
    if (scaling.kind_ == ScalingKind::unit || scaling.kind_ == ScalingKind::symmetric) {
      scaling.min_ = json.at("min").get<float>();
      scaling.max_ = json.at("max").get<float>();
    } else if (scaling.kind_ == ScalingKind::standardize) {
      scaling.mean_ = json.at("mean").get<std::vector<float>>();
      scaling.std_ = json.at("std").get<std::vector<float>>();
    }
  } catch (const nlohmann::json::exception& e) {
    throw Error(fmt::format(
        "the scaling recorded in the model is malformed ({}); expected {{\"kind\": ..., "
        "\"min\"/\"max\" or \"mean\"/\"std\"}}",
        e.what()));
  }
  const bool bad_std = std::any_of(scaling.std_.begin(), scaling.std_.end(),
                                   [](float s) { return !(s > 0) || !std::isfinite(s); });
  if (scaling.mean_.size() != scaling.std_.size() || bad_std)
    throw Error(fmt::format(
        "the standardize scaling recorded in the model is malformed: {} means, {} stds, expected "
        "as many of each and every std positive",
        scaling.mean_.size(), scaling.std_.size()));
  return scaling;
}

}  // namespace aekit::data
