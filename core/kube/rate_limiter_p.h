#pragma once

#include <chrono>
#include <mutex>

namespace capstan::kube::detail {

// A token bucket, as client-go limits a client: `burst` requests at once, then `qps` a
// second on average. acquire() sleeps the calling thread until a token is free.
class RateLimiter
{
public:
    using Clock = std::chrono::steady_clock;

    RateLimiter(double qps, int burst);

    void acquire();
    // How long acquire() would wait now (and takes the token); for tests.
    Clock::duration reserve(Clock::time_point now);

private:
    double m_qps;
    double m_burst;
    double m_tokens;
    Clock::time_point m_last;
    std::mutex m_mutex;
};

} // namespace capstan::kube::detail
