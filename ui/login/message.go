package login

import "fyne.io/fyne/v2/widget"

// ShowMessage shows a sentence about a problem.
func (v *View) ShowMessage(text string) { v.setMessage(text, widget.DangerImportance) }

// ShowInfo shows a sentence that is news, not a problem.
func (v *View) ShowInfo(text string) { v.setMessage(text, widget.MediumImportance) }

// ShowSuccess shows a sentence about something that went well.
func (v *View) ShowSuccess(text string) { v.setMessage(text, widget.SuccessImportance) }

// setMessage shows text under Masuk; a message of more lines than the last
// one shares the window's height out again (formBeside).
func (v *View) setMessage(text string, importance widget.Importance) {
	before := v.message.MinSize().Height
	v.message.Importance = importance
	v.message.SetText(text)
	v.message.Show()
	if v.message.MinSize().Height != before {
		v.relayout()
	}
}

// relayout lays the whole column out again after a list in it changed
// size: a VBox grown in place was drawn over what follows it ("Tanpa
// internet? Tentang SMS 2757" over the offline list's heading).
func (v *View) relayout() {
	for _, s := range v.scrolls {
		s.Refresh()
	}
	// What the form and the aside need changed: share the height again
	// (formBeside; their scrolls' own sizes do not change with it).
	if v.columns != nil {
		v.columns.Refresh()
	}
}
