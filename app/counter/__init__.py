"""The comprehensive-acceptance counter (综合受理窗口) without Qt: clerk login, queue controls through the
center, acceptance written locally first, the case list, corrections, delivery, ratings."""
