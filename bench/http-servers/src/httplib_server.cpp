// cpp-httplib 0.11.4 (Debian libcpp-httplib-dev, compiled .so) server.
// usage: httplib_server PORT POOL_THREADS(0 = library default) [KEEPALIVE_MAX_COUNT]
#include "common.hpp"
#include <cstdio>
#include <httplib.h>

int main(int argc, char **argv)
{
    int port = argc > 1 ? std::atoi(argv[1]) : 18081;
    int pool = argc > 2 ? std::atoi(argv[2]) : 0;
    size_t ka_max = argc > 3 ? (size_t)std::atoll(argv[3]) : 0;
    httplib::Server svr;
    if (pool > 0)
        svr.new_task_queue = [pool] { return new httplib::ThreadPool((size_t)pool); };
    if (ka_max > 0)
        svr.set_keep_alive_max_count(ka_max);
    svr.set_payload_max_length(64 * 1024); // -> 413 when Content-Length is larger
    svr.set_read_timeout(10, 0);
    svr.set_write_timeout(10, 0);
    svr.set_keep_alive_timeout(5);
    svr.set_tcp_nodelay(true);

    svr.Get("/health", [](const httplib::Request &, httplib::Response &res) {
        res.set_content(rlfs::health_body(), "application/json");
    });
    svr.Post("/v1/route", [](const httplib::Request &req, httplib::Response &res) {
        std::string out;
        res.status = rlfs::route(req.body, out);
        res.set_content(std::move(out), "application/json");
    });
    std::fprintf(stderr, "cpp-httplib listening on %d, pool=%d (0=default), keep_alive_max_count=%zu (0=default)\n",
                 port, pool, ka_max);
    svr.listen("127.0.0.1", port);
}
