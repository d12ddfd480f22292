// Shared request logic for all three servers (identical work per request).
#pragma once
#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace rlfs {

// ~200-byte JSON for GET /health (static string, built once).
inline const std::string &health_body()
{
    static const std::string s = [] {
        nlohmann::json j = {
            {"status", "ok"},
            {"service", "rl-feedback-studio-router"},
            {"version", "0.1.0"},
            {"api", "v1"},
            {"model", {{"name", "linear-router"}, {"revision", "2024-01-15T10:00:00Z"}, {"arms", 4}}},
            {"checks", {{"model_loaded", true}, {"queue", "ok"}, {"storage", "ok"}}},
        };
        return j.dump();
    }();
    return s;
}

// 4x10 weight matrix: the "policy".
inline constexpr std::array<std::array<double, 10>, 4> W = {{
    {0.12, -0.40, 0.33, 0.05, 0.91, -0.22, 0.18, 0.07, -0.55, 0.29},
    {-0.31, 0.62, 0.10, -0.08, 0.14, 0.48, -0.27, 0.36, 0.02, -0.19},
    {0.44, 0.03, -0.12, 0.71, -0.35, 0.09, 0.52, -0.16, 0.25, 0.11},
    {-0.05, 0.21, 0.58, -0.43, 0.06, -0.11, 0.13, 0.64, -0.09, 0.37},
}};
inline constexpr const char *ARMS[4] = {"policy-a", "policy-b", "policy-c", "human-review"};

// Parses the body, computes the route. Returns status (200/400/422) and fills `out`.
inline int route(const std::string &body, std::string &out)
{
    nlohmann::json in = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (in.is_discarded() || !in.is_object()) {
        out = R"({"error":"invalid_json","detail":"request body is not a JSON object"})";
        return 400;
    }
    auto f = in.find("features");
    auto t = in.find("trajectory_id");
    if (f == in.end() || !f->is_array() || f->size() != 10 || t == in.end() || !t->is_string()) {
        out = R"({"error":"invalid_request","detail":"need features[10] and trajectory_id"})";
        return 422;
    }
    std::array<double, 10> x{};
    for (size_t i = 0; i < 10; ++i) {
        const auto &v = (*f)[i];
        if (!v.is_number()) {
            out = R"({"error":"invalid_request","detail":"features must be numbers"})";
            return 422;
        }
        x[i] = v.get<double>();
    }
    std::array<double, 4> s{};
    size_t best = 0;
    for (size_t a = 0; a < 4; ++a) {
        double acc = 0;
        for (size_t i = 0; i < 10; ++i)
            acc += W[a][i] * x[i];
        s[a] = acc;
        if (acc > s[best])
            best = a;
    }
    nlohmann::json r = {
        {"trajectory_id", t->get_ref<const std::string &>()},
        {"route", ARMS[best]},
        {"arm_index", best},
        {"scores", {{"policy-a", s[0]}, {"policy-b", s[1]}, {"policy-c", s[2]}, {"human-review", s[3]}}},
        {"confidence", s[best]},
        {"model_revision", "2024-01-15T10:00:00Z"},
        {"explore", false},
        {"features_used", 10},
    };
    out = r.dump();
    return 200;
}

} // namespace rlfs
