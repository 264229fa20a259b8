// The online algorithm of dictionary_learning.hpp: DictionaryStep on the one training loop.
#include "aekit/models/sparse/dictionary_learning.hpp"
#include "aekit/models/sparse/dictionary_step.hpp"
#include "aekit/train/trainer.hpp"

namespace aekit::models {

DictionaryLearningResult learn_dictionary_online(ConstMatrixRef x,
                                                 const SparseCodingConfig& config,
                                                 Matrix dictionary) {
  DictionaryStep step(config, std::move(dictionary));
  train::LoopSettings settings;
  settings.epochs = config.iterations;
  settings.batch = config.batch_size;
  settings.seed = config.seed;
  settings.patience = 0;
  DictionaryLearningResult result;
  result.objective = train::train_all_rows(step, x, settings);
  result.dictionary = step.dictionary();
  result.replaced_atoms = step.replaced_atoms();
  result.last_lasso = step.last_lasso();
  return result;
}

}  // namespace aekit::models
