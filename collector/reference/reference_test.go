package reference

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// merged is the list: each unit formed on 2025-07-01 and the
// units merged into it, by name.
var merged = map[string][]string{
	"Tuyên Quang": {"Tuyên Quang", "Hà Giang"}, "Lào Cai": {"Lào Cai", "Yên Bái"},
	"Thái Nguyên": {"Thái Nguyên", "Bắc Kạn"}, "Phú Thọ": {"Phú Thọ", "Vĩnh Phúc", "Hòa Bình"},
	"Bắc Ninh": {"Bắc Ninh", "Bắc Giang"}, "Hưng Yên": {"Hưng Yên", "Thái Bình"},
	"Hải Phòng": {"Hải Phòng", "Hải Dương"}, "Ninh Bình": {"Ninh Bình", "Hà Nam", "Nam Định"},
	"Quảng Trị": {"Quảng Trị", "Quảng Bình"}, "Đà Nẵng": {"Đà Nẵng", "Quảng Nam"},
	"Quảng Ngãi": {"Quảng Ngãi", "Kon Tum"}, "Gia Lai": {"Gia Lai", "Bình Định"},
	"Khánh Hòa": {"Khánh Hòa", "Ninh Thuận"}, "Lâm Đồng": {"Lâm Đồng", "Đắk Nông", "Bình Thuận"},
	"Đắk Lắk": {"Đắk Lắk", "Phú Yên"}, "Hồ Chí Minh": {"Hồ Chí Minh", "Bình Dương", "Bà Rịa – Vũng Tàu"},
	"Đồng Nai": {"Đồng Nai", "Bình Phước"}, "Tây Ninh": {"Tây Ninh", "Long An"},
	"Cần Thơ": {"Cần Thơ", "Sóc Trăng", "Hậu Giang"}, "Vĩnh Long": {"Vĩnh Long", "Bến Tre", "Trà Vinh"},
	"Đồng Tháp": {"Đồng Tháp", "Tiền Giang"}, "Cà Mau": {"Cà Mau", "Bạc Liêu"}, "An Giang": {"An Giang", "Kiên Giang"},
}

var unchanged = []string{"Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh",
	"Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng"}

var cities = []string{"Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}

// short strips "Tỉnh " / "Thành phố " from a Vietnamese name.
func short(vi string) string {
	return strings.TrimPrefix(strings.TrimPrefix(vi, "Tỉnh "), "Thành phố ")
}

func TestProvincesMatchTheResolution(t *testing.T) {
	units, err := Units("vn-provinces-2025")
	if err != nil {
		t.Fatal(err)
	}
	byCode := map[string]storage.Unit{}
	var before, retired, formed, kept int
	for _, u := range units {
		byCode[u.Code] = u
		switch {
		case u.ValidFrom == "2025-07-01":
			formed++
		case u.ValidTo == "2025-06-30":
			retired++
			before++
		case u.ValidFrom == "" && u.ValidTo == "":
			kept++
			before++
		default:
			t.Errorf("%s has unexpected dates %q..%q", u.Code, u.ValidFrom, u.ValidTo)
		}
		if u.NameEN == "" || !strings.HasPrefix(u.NameVI, "Tỉnh ") && !strings.HasPrefix(u.NameVI, "Thành phố ") {
			t.Errorf("%s names %q / %q", u.Code, u.NameVI, u.NameEN)
		}
	}
	if before != 63 || retired != 52 || formed != 23 || kept != 11 || kept+formed != 34 {
		t.Fatalf("before %d, retired %d, formed %d, unchanged %d", before, retired, formed, kept)
	}
	nameOf := func(code string) string { return short(byCode[code].NameVI) }
	for _, u := range units {
		if u.ValidFrom != "2025-07-01" {
			continue
		}
		want, ok := merged[short(u.NameVI)]
		if !ok {
			t.Errorf("%s (%s) is not a unit formed in 2025", u.Code, u.NameVI)
			continue
		}
		var got []string
		for _, p := range u.Predecessors {
			if p.Date != "2025-07-01" || byCode[p.Unit].ValidTo != "2025-06-30" {
				t.Errorf("%s predecessor %+v", u.Code, p)
			}
			got = append(got, nameOf(p.Unit))
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: predecessors %v, want %v", u.Code, got, want)
		}
		if u.Code != byCode[u.Predecessors[0].Unit].Code+"-2025" {
			t.Errorf("%s is not its first predecessor's code + -2025", u.Code)
		}
	}
	for _, name := range unchanged {
		found := false
		for _, u := range units {
			found = found || short(u.NameVI) == name && u.ValidTo == "" && u.ValidFrom == ""
		}
		if !found {
			t.Errorf("unchanged %s missing", name)
		}
	}
	for _, name := range cities {
		for _, u := range units {
			if short(u.NameVI) == name && !strings.HasPrefix(u.NameVI, "Thành phố ") {
				t.Errorf("%s is a centrally-run city: %q", u.Code, u.NameVI)
			}
		}
	}
	for _, code := range []string{"can-tho", "ho-chi-minh", "ba-ria-vung-tau", "ha-noi", "can-tho-2025"} {
		if _, ok := byCode[code]; !ok {
			t.Errorf("code %s missing", code)
		}
	}
}

// TestLoadKeepsFiguresAndIsIdempotent loads into a database that already
// has can-tho with a figure and a synthetic mark, twice.
func TestLoadKeepsFiguresAndIsIdempotent(t *testing.T) {
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	v := 7060.0
	if _, err := db.Write(ctx, storage.Batch{Units: []storage.Unit{{Code: "can-tho", NameVI: "TP Cần Thơ (demo)", Synthetic: true}},
		Observations: []storage.Observation{{Unit: "can-tho", Indicator: "budget_revenue", Period: storage.MustParsePeriod("2018-H1"),
			Value: &v, ReportedAt: "2018-06-11"}}}, storage.Provenance{Via: "demo"}); err != nil {
		t.Fatal(err)
	}
	res, err := Load(ctx, db, "vn-provinces-2025")
	if err != nil {
		t.Fatal(err)
	}
	if res.UnitsNew != 85 {
		t.Errorf("first load: %d new units, want 85 (86 less can-tho)", res.UnitsNew)
	}
	ver, _ := db.DataVersion(ctx)
	if res, err = Load(ctx, db, "vn-provinces-2025"); err != nil || res.UnitsNew != 0 {
		t.Fatalf("second load: %+v %v", res, err)
	}
	if again, _ := db.DataVersion(ctx); again != ver {
		t.Errorf("loading twice changed the data (version %d → %d)", ver, again)
	}
	ct, _ := db.Unit(ctx, "can-tho")
	if ct.NameVI != "TP Cần Thơ (demo)" || !ct.Synthetic || ct.ValidTo != "2025-06-30" {
		t.Errorf("can-tho after load: %+v", ct)
	}
	obs, err := db.Observations(ctx, storage.ObservationFilter{Unit: "can-tho"})
	if err != nil || len(obs) != 1 || *obs[0].Value != 7060 {
		t.Errorf("can-tho's figure: %+v %v", obs, err)
	}
	all, _ := db.Units(ctx)
	if n := len(storage.ValidUnits(all, "2026-01-01")); n != 34 {
		t.Errorf("%d units valid in 2026, want 34", n)
	}
	if _, err := Load(ctx, db, "nowhere"); storage.ErrorCode(err) != storage.CodeNotFound {
		t.Errorf("unknown set: %v", err)
	}
}
