"""`hall backoffice`: the departments' back office (后台分类审批)."""
