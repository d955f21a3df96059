#include "core/rehearsal/pitchrepository.h"

#include "core/storage/sql.h"

namespace rapport::rehearsal {

namespace {

const QString kColumns = QStringLiteral(
    "p.id, p.title, p.occasion, p.body, p.target_ms, p.green_ms, p.yellow_ms, p.red_ms, "
    "p.created_at, p.updated_at");

Pitch readPitch(const storage::Sql& sql)
{
    Pitch p;
    p.id = sql.value(0).toLongLong();
    p.title = sql.value(1).toString();
    p.occasion = sql.value(2).toString();
    p.text = sql.value(3).toString();
    p.targetMs = sql.value(4).toLongLong();
    p.lights = LightTimes::pitch(
        sql.value(5).toLongLong(), sql.value(6).toLongLong(), sql.value(7).toLongLong());
    p.createdAt = storage::fromStoredTime(sql.value(8));
    p.updatedAt = storage::fromStoredTime(sql.value(9));
    return p;
}

Error invalid(const QString& problem)
{
    return { ErrorKind::InvalidArgument, problem, {}, {} };
}

Error notFound(const QString& reference)
{
    return { ErrorKind::NoSuchRecord, QStringLiteral("No pitch matches \"%1\".").arg(reference),
        QStringLiteral("See your pitches with 'rapport-cli pitches list', or write one first."),
        {} };
}

} // namespace

QDateTime PitchSummary::lastActivity() const
{
    if (!lastTakeAt.isValid())
        return pitch.updatedAt;
    return std::max(lastTakeAt, pitch.updatedAt);
}

PitchRepository::PitchRepository(const storage::Database& database)
    : m_database(database)
{ }

Result<qint64> PitchRepository::add(const Pitch& pitch, const QDateTime& nowUtc)
{
    if (const QString problem = rehearsal::pitchProblem(pitch); !problem.isEmpty())
        return invalid(problem);
    storage::Sql insert(m_database.connection(),
        QStringLiteral("INSERT INTO pitches (title, occasion, body, target_ms, green_ms, "
                       "yellow_ms, red_ms, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (Status s
        = insert.exec({ pitch.title.trimmed(), pitch.occasion.trimmed(), pitch.text, pitch.targetMs,
                          pitch.lights.greenMs, pitch.lights.yellowMs, pitch.lights.redMs,
                          storage::toStoredTime(nowUtc), storage::toStoredTime(nowUtc) },
            QStringLiteral("Could not save the pitch \"%1\".").arg(pitch.title));
        !s)
        return s.error();
    return insert.lastInsertId().toLongLong();
}

Status PitchRepository::update(const Pitch& pitch, const QDateTime& nowUtc)
{
    if (const QString problem = rehearsal::pitchProblem(pitch); !problem.isEmpty())
        return invalid(problem);
    storage::Sql sql(m_database.connection(),
        QStringLiteral("UPDATE pitches SET title = ?, occasion = ?, body = ?, target_ms = ?, "
                       "green_ms = ?, yellow_ms = ?, red_ms = ?, updated_at = ? WHERE id = ?"));
    if (Status s = sql.exec({ pitch.title.trimmed(), pitch.occasion.trimmed(), pitch.text,
                                pitch.targetMs, pitch.lights.greenMs, pitch.lights.yellowMs,
                                pitch.lights.redMs, storage::toStoredTime(nowUtc), pitch.id },
            QStringLiteral("Could not save the pitch \"%1\".").arg(pitch.title));
        !s)
        return s;
    if (sql.rowsAffected() != 1)
        return notFound(QString::number(pitch.id));
    return {};
}

Status PitchRepository::remove(qint64 id)
{
    storage::Sql sql(m_database.connection(), QStringLiteral("DELETE FROM pitches WHERE id = ?"));
    if (Status s = sql.exec({ id }, QStringLiteral("Could not delete the pitch.")); !s)
        return s;
    if (sql.rowsAffected() != 1)
        return notFound(QString::number(id));
    return {};
}

Result<Pitch> PitchRepository::get(qint64 id) const
{
    storage::Sql sql(m_database.connection(),
        QStringLiteral("SELECT %1 FROM pitches p WHERE p.id = ?").arg(kColumns));
    if (Status s = sql.exec({ id }, QStringLiteral("Could not read the pitch.")); !s)
        return s.error();
    if (!sql.next())
        return notFound(QString::number(id));
    return readPitch(sql);
}

Result<QList<PitchSummary>> PitchRepository::list() const
{
    storage::Sql sql(m_database.connection(),
        QStringLiteral("SELECT %1, COUNT(t.id), MAX(t.started_at) FROM pitches p "
                       "LEFT JOIN takes t ON t.pitch_id = p.id GROUP BY p.id")
            .arg(kColumns));
    if (Status s = sql.exec({}, QStringLiteral("Could not read your pitches.")); !s)
        return s.error();
    QList<PitchSummary> result;
    while (sql.next()) {
        PitchSummary summary { readPitch(sql), sql.value(10).toInt(), {} };
        if (!sql.value(11).isNull())
            summary.lastTakeAt = storage::fromStoredTime(sql.value(11));
        result << summary;
    }
    std::stable_sort(result.begin(), result.end(),
        [](const auto& a, const auto& b) { return a.lastActivity() > b.lastActivity(); });
    return result;
}

Result<Pitch> PitchRepository::find(const QString& reference) const
{
    bool isNumber = false;
    const qint64 id = reference.toLongLong(&isNumber);
    if (isNumber)
        return get(id);
    Result<QList<PitchSummary>> all = list();
    if (!all)
        return all.error();
    const QString wanted = reference.trimmed();
    QList<Pitch> prefixed;
    for (const PitchSummary& s : *all) {
        if (s.pitch.title.compare(wanted, Qt::CaseInsensitive) == 0)
            return s.pitch;
        if (s.pitch.title.startsWith(wanted, Qt::CaseInsensitive))
            prefixed << s.pitch;
    }
    if (prefixed.size() == 1 && !wanted.isEmpty())
        return prefixed.first();
    if (prefixed.size() > 1) {
        return Error { ErrorKind::InvalidArgument,
            QStringLiteral("\"%1\" matches %2 pitches.").arg(reference).arg(prefixed.size()),
            QStringLiteral("Use more of the title, or the pitch's id."), {} };
    }
    return notFound(reference);
}

} // namespace rapport::rehearsal
