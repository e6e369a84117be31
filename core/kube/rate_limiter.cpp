#include "kube/rate_limiter_p.h"

#include <algorithm>
#include <thread>

namespace capstan::kube::detail {

RateLimiter::RateLimiter(double qps, int burst)
    : m_qps(qps)
    , m_burst(std::max(1, burst))
    , m_tokens(m_burst)
    , m_last(Clock::now())
{
}

RateLimiter::Clock::duration RateLimiter::reserve(Clock::time_point now)
{
    std::lock_guard lock(m_mutex);
    if (m_qps <= 0) // unlimited
        return {};
    const double elapsed = std::chrono::duration<double>(now - m_last).count();
    if (elapsed > 0) {
        m_tokens = std::min(m_burst, m_tokens + elapsed * m_qps);
        m_last = now;
    }
    // Taking the token may drive the count negative: later callers queue behind this one.
    m_tokens -= 1;
    if (m_tokens >= 0)
        return {};
    return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(-m_tokens / m_qps));
}

void RateLimiter::acquire()
{
    const auto wait = reserve(Clock::now());
    if (wait.count() > 0)
        std::this_thread::sleep_for(wait);
}

} // namespace capstan::kube::detail
