#include "core/support/TokenFile.h"

#include <algorithm>
#include <stdexcept>

#include "core/support/InputFile.h"

namespace rl {

std::string readTokenFile(const std::string &path)
{
    const std::string content = readInputFile(path, kMaxTokenLength + 64, "a token file");
    const auto first = content.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        throw std::invalid_argument(path + ": the token file is empty");
    std::string token = content.substr(first, content.find_last_not_of(" \t\r\n") - first + 1);
    if (std::any_of(token.begin(), token.end(), [](char c) { return c < 0x21 || c > 0x7e; }))
        throw std::invalid_argument(path + ": the token holds a space or a character outside printable ASCII");
    if (token.size() < kMinTokenLength || token.size() > kMaxTokenLength)
        throw std::invalid_argument(path + ": the token is " + std::to_string(token.size()) + " characters long; use "
                                    + std::to_string(kMinTokenLength) + ".." + std::to_string(kMaxTokenLength));
    return token;
}

} // namespace rl
