#pragma once

#include "core/common/clock.h"

namespace rapport::test {

/// A clock that says what the test tells it; advance() moves it on.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(QDateTime now = QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC))
        : m_now(std::move(now))
    { }
    QDateTime nowUtc() const override { return m_now; }
    void advance(qint64 seconds) { m_now = m_now.addSecs(seconds); }

private:
    QDateTime m_now;
};

} // namespace rapport::test
