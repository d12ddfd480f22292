#pragma once

#include <QString>

namespace rl {

// rlstudio's translations, embedded under :/i18n, and Qt's own for its dialogs and --help.
class Translations {
public:
    // Installs them for the language (e.g. "de"; empty follows the system locale) and makes it the default
    // locale for numbers. Returns false when rlstudio has no translation for it, so English stays.
    static bool install(const QString &language);
};

} // namespace rl
