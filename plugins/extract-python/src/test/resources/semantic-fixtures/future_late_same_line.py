"""doc"""

from __future__ import nested_scopes; import string; from __future__ import \
     nested_scopes
