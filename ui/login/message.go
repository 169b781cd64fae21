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

// relayout lays both columns out again after what they hold changed size:
// a VBox grown in place was drawn over what follows it ("Tanpa internet?
// Tentang SMS 2757" over the offline list's heading), and the form's and the
// aside's share of the height (formBeside) changes with them. Refreshing the
// columns lays them out and refreshes both scrolls.
func (v *View) relayout() { v.columns.Refresh() }
