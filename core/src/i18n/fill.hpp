// i18n/fill.hpp — kept for the includes of the habits stream: fill() lives in i18n/i18n.hpp (one
// home for message filling).
#pragma once

#include "i18n/i18n.hpp"
