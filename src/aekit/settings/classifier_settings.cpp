// [classifier]: a softmax head on an mlp encoder (--model classifier, `aekit classify`), the
// labels it learns from and the hybrid objective's weight; the encoder's shape and the
// decoder's loss come from [autoencoder].
#include "aekit/settings/bindings.hpp"
#include "aekit/settings/built_in_sections.hpp"

namespace aekit::train {

SettingsSection classifier_settings() {
  return {.name = "classifier",
          .models = {"classifier"},
          .options = {{.name = "labels",
                       .type = OptionType::text,
                       .default_value = "",
                       .help = "the training rows' class labels: a file (.npy, .csv, IDX), one per row; "
                               "empty: the data set's own",
                       .binding = field(&TrainConfig::labels)},
                      {.name = "labelled",
                       .type = OptionType::integer,
                       .default_value = "0",
                       .help = "training rows that keep their label (a seeded random choice); the others "
                               "are unlabelled and serve only the reconstruction term; 0: all",
                       .check = at_least(0, "0 (every row) or more"),
                       .binding = field(&TrainConfig::labelled)},
                      {.name = "reconstruction_weight",
                       .type = OptionType::real,
                       .default_value = "0",
                       .help = "alpha of the hybrid objective L = cross-entropy + alpha * reconstruction loss "
                               "(lecture 002); 0: supervised only",
                       .check = at_least(0, ">= 0"),
                       .binding = field(&TrainConfig::reconstruction_weight)}}};
}

}  // namespace aekit::train
