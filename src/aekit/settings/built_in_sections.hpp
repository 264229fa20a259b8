#pragma once
// The sections aekit defines, one file each; registry.cpp lists them in this order.
#include <string>
#include <vector>

#include "aekit/settings/section.hpp"

namespace aekit::train {

SettingsSection model_choice_settings();  // the top-level key `model`
SettingsSection data_settings();
SettingsSection training_settings();
SettingsSection autoencoder_settings();
SettingsSection pca_settings();
SettingsSection sparse_coding_settings();
SettingsSection psd_settings();
SettingsSection rbm_settings();
SettingsSection stack_settings();
SettingsSection classifier_settings();
SettingsSection vae_settings();
SettingsSection gan_settings();
SettingsSection codec_settings();

// Options several families list, each defined once (shared_family_options.cpp).
Option dims_option();
Option code_option();
Option alpha_option();
Option lasso_solver_option();
Option conditional_option();
// A layer list as an option's text: the layers joined by ", " (split_list reads it back).
std::string layer_list_text(const std::vector<std::string>& layers);

}  // namespace aekit::train
