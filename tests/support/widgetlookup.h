#pragma once

#include <QAbstractButton>
#include <QString>
#include <QWidget>
#include <gtest/gtest.h>

namespace rapport::test {

/// The widget of type T under `root` that a user, or a screen reader, knows by `name`: its
/// accessible name, or for a button without one its text less the '&' of its shortcut. Null when
/// there is none, or more than one (the test fails, saying which, rather than pick one).
template <typename T> T* widgetNamed(const QWidget* root, const QString& name)
{
    T* found = nullptr;
    for (T* widget : root->template findChildren<T*>()) {
        QString label = widget->accessibleName();
        if (label.isEmpty()) {
            if (const auto* button = qobject_cast<const QAbstractButton*>(widget))
                label = button->text().remove(QLatin1Char('&'));
        }
        if (label != name)
            continue;
        if (found) {
            ADD_FAILURE() << "more than one widget is called " << name.toStdString();
            return nullptr;
        }
        found = widget;
    }
    if (!found)
        ADD_FAILURE() << "no widget is called " << name.toStdString();
    return found;
}

/// The only widget of type T under `root`; null (and a failure) when there is none or several.
template <typename T> T* onlyChild(const QWidget* root)
{
    const QList<T*> all = root->template findChildren<T*>();
    if (all.size() != 1) {
        ADD_FAILURE() << all.size() << " widgets of the type asked for, not one";
        return nullptr;
    }
    return all.front();
}

} // namespace rapport::test
