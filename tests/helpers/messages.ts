// Tests render and translate as the server does: with both languages' texts.
import "~/lib/messages/all";
