package audit

import (
	"testing"
	"time"
)

// TestLateFine is KindLate's arithmetic as other rules call it:
//
//	January 2025: deadline Saturday 15 February → Monday 17 February; paid
//	  20 March: 17 March < 20 March, 2 months; 462.000 × 2% × 2 = 18.480
//	September 2020 (PP 49/2020): deadline Friday 30 October; paid 2
//	  November: 1 month at 0,5%: 100.000 × 0,5% = 500
//	on the deadline day itself: no fine
func TestLateFine(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		month, paid time.Time
		dues        int64
		n           int
		fine        int64
	}{
		{m(2025, time.January), day(2025, time.March, 20), 462_000, 2, 18_480},
		{m(2020, time.September), day(2020, time.November, 2), 100_000, 1, 500},
		{m(2025, time.January), day(2025, time.February, 17), 462_000, 0, 0},
	} {
		if n, fine := LateFine(c.month, c.paid, c.dues); n != c.n || fine != c.fine {
			t.Errorf("LateFine(%s, %s) = %d, %d; want %d, %d", c.month.Format("2006-01"), c.paid.Format(time.DateOnly), n, fine, c.n, c.fine)
		}
	}
	// March 2025's deadline is Tuesday 15 April: on that day it is not
	// yet past, the next day it is.
	if got := LastDue(day(2025, time.April, 15)); !got.Equal(m(2025, time.February)) {
		t.Errorf("LastDue(15 April 2025) = %s, want February", got.Format("2006-01"))
	}
	if got := LastDue(day(2025, time.April, 16)); !got.Equal(m(2025, time.March)) {
		t.Errorf("LastDue(16 April 2025) = %s, want March", got.Format("2006-01"))
	}
}
