#include "widgets/accessible.hpp"

#include <wx/stattext.h>

#include "text.hpp"

#if defined(__WXGTK__)
#include <gtk/gtk.h>
#endif

namespace relief::gui {

namespace {

#if defined(__WXGTK__)
/// The GTK widgets that should carry the name: the window's own widget and,
/// when wx wraps the real control in a scrolled window (multi-line text,
/// lists), the control inside.
template <typename F>
void for_each_target(wxWindow* w, F&& f) {
  auto* widget = static_cast<GtkWidget*>(w->GetHandle());
  if (!widget) return;
  f(widget);
  if (GTK_IS_SCROLLED_WINDOW(widget)) {
    if (GtkWidget* child = gtk_bin_get_child(GTK_BIN(widget))) f(child);
  }
  // wx puts a GtkEntry inside a GtkComboBox and a GtkSpinButton; the entry
  // takes the focus, so it must carry the name too.
  if (GTK_IS_COMBO_BOX(widget) && gtk_combo_box_get_has_entry(GTK_COMBO_BOX(widget))) {
    if (GtkWidget* child = gtk_bin_get_child(GTK_BIN(widget))) f(child);
  }
}
#endif

}  // namespace

void set_accessible(wxWindow* w, const wxString& name, const wxString& description) {
  if (!w) return;
  if (!description.empty() && w->GetToolTipText().empty()) w->SetToolTip(description);
#if defined(__WXGTK__)
  const std::string n = from_wx(name);
  const std::string d = from_wx(description);
  for_each_target(w, [&](GtkWidget* widget) {
    AtkObject* acc = gtk_widget_get_accessible(widget);
    if (!acc) return;
    if (!n.empty()) atk_object_set_name(acc, n.c_str());
    if (!d.empty()) atk_object_set_description(acc, d.c_str());
  });
#else
  (void)name;
#endif
}

void set_labelled_by(wxWindow* control, wxWindow* label) {
  if (!control || !label) return;
  wxString words = label->GetLabel();
  if (auto* st = dynamic_cast<wxStaticText*>(label)) words = st->GetLabelText();
  words.Replace("\n", " ");
  words.Trim().Trim(false);
  if (words.EndsWith(":")) words.RemoveLast();
  set_accessible(control, words);
#if defined(__WXGTK__)
  auto* label_widget = static_cast<GtkWidget*>(label->GetHandle());
  if (!label_widget) return;
  AtkObject* label_acc = gtk_widget_get_accessible(label_widget);
  for_each_target(control, [&](GtkWidget* widget) {
    AtkObject* acc = gtk_widget_get_accessible(widget);
    if (!acc || !label_acc) return;
    atk_object_add_relationship(acc, ATK_RELATION_LABELLED_BY, label_acc);
    atk_object_add_relationship(label_acc, ATK_RELATION_LABEL_FOR, acc);
  });
#endif
}

}  // namespace relief::gui
