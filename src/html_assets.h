/* The HTML report's inline style sheet and script (the report loads nothing else). */
#ifndef TK_HTML_ASSETS_H
#define TK_HTML_ASSETS_H

extern const char HTML_STYLE[];
extern const char HTML_SCRIPT[];

#endif
