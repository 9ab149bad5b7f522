"""What a role may do with a page, beyond Wagtail's add / edit / publish / lock permissions.

Wagtail lets anyone who may publish a page also set its privacy, unpublish it, reorder its
children and (with 'edit') start moving or copying it. Here those are structural decisions,
made by Editors only: they need Wagtail's 'Delete pages with children' permission (copying
needs 'Add'). Translators and Moderators publish text; they do not decide whether a page is
on the site, where it sits, or who may read it. Every admin view, listing button and bulk
action asks `Page.permissions_for_user`, so the rule holds at all of them.
"""

from wagtail.models import PagePermissionTester


class RolePagePermissionTester(PagePermissionTester):
    def _may_change_structure(self):
        return self.user.is_active and (self.user.is_superuser or "bulk_delete" in self.permissions)

    def _may_add(self):
        return self.user.is_active and (self.user.is_superuser or "add" in self.permissions)

    def can_set_view_restrictions(self):
        return self._may_change_structure() and super().can_set_view_restrictions()

    def can_unpublish(self):
        return self._may_change_structure() and super().can_unpublish()

    def can_reorder_children(self):
        return self._may_change_structure() and super().can_reorder_children()

    def can_move(self):
        return self._may_change_structure() and super().can_move()

    def can_copy(self):
        return self._may_add() and super().can_copy()
