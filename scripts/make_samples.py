#!/usr/bin/env python3
"""Generate synthetic commune plans ("Kế hoạch" under Nghị quyết 57-NQ/TW).

For each sample it writes an answer key ``<out>/keys/<stem>.json`` (the gold
format of SCHEMA.md) and a born-digital PDF ``<out>/pdf/<stem>.pdf`` rendered
with reportlab in the style of real plans: a portrait first part (header
block, title, "Căn cứ" paragraphs, signature) and landscape appendix tables.
Each of the four layout profiles varies the tables (column sets and order,
two-row headers, repeated or not repeated headers, rows split across pages,
group rows, parent/sub rows, budget annex) so an extractor can be tested on
layouts it was not written against. `--set stress` renders a held-out set the
samples never use (a Party committee header, tables ruled only between rows,
only between columns, shaded or not ruled at all, portrait appendices, other
column names and captions, tables set in the body); the tests generate it on the fly. Output is deterministic for a given seed.

usage: python scripts/make_samples.py [--out samples] [--seed N] [--count N] [--set samples|stress]
"""
import argparse
import json
import random
import re
import unicodedata
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

FONT_DIR = Path(__file__).resolve().parent / "fonts"

# ---------------------------------------------------------------- vocabulary
# Printed spellings of each body, by unit key; "{t}" is the admin type word.
UNITS = {
    "phong_vhxh": ["Phòng Văn hóa - Xã hội", "Phòng VHXH", "Phòng VH-XH"],
    "phong_kt": ["Phòng Kinh tế", "Phòng Kinh tế {t}"],
    "phong_kthtdt": ["Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng KT,HT&ĐT"],
    "vp_hdnd_ubnd": ["Văn phòng HĐND và UBND {t}", "VP HĐND&UBND", "Văn phòng HĐND&UBND", "Văn phòng HĐND - UBND"],
    "ttpvhcc": ["Trung tâm Phục vụ hành chính công", "Trung tâm PVHCC", "TTPVHCC {t}"],
    "ttdvth": ["Trung tâm Dịch vụ tổng hợp", "TTDVTH {t}"],
    "cong_an": ["Công an {t}", "CA {t}"],
    "quan_su": ["Ban Chỉ huy quân sự {t}"],
    "tram_yte": ["Trạm Y tế {t}", "TYT {t}"],
    "truong_hoc": ["Các trường học trên địa bàn {t}", "Các cơ sở giáo dục"],
    "ubmttq": ["Ủy ban MTTQ Việt Nam {t} và các tổ chức chính trị - xã hội", "UBMTTQVN và các đoàn thể {t}"],
    "doan_thanh_nien": ["Đoàn Thanh niên {t}"],
    "to_cnscd": ["Tổ công nghệ số cộng đồng", "các Tổ CNSCĐ"],
    "to_ung_cuu": ["Tổ ứng cứu sự cố CNTT"],
    "ban_dieu_hanh": ["Ban điều hành các {h}"],
    "dn_vienthong": ["Các doanh nghiệp viễn thông", "Doanh nghiệp viễn thông trên địa bàn"],
    "dn_chukyso": ["Các doanh nghiệp cung cấp dịch vụ chữ ký số công cộng"],
    "ngan_hang": ["Các chi nhánh ngân hàng trên địa bàn {t}", "Phòng giao dịch Ngân hàng Chính sách xã hội"],
    "doanh_nghiep": ["Các doanh nghiệp, hợp tác xã trên địa bàn", "Hiệp hội doanh nghiệp {t}"],
    "dang_uy": ["Đảng ủy {t}"],
    "hdnd": ["HĐND {t}"],
    "ban_chi_dao": ["Ban Chỉ đạo {t}"],
    "all_units": ["Các cơ quan, đơn vị, các ngành {t}", "Các phòng, ban, đơn vị trên địa bàn {t}",
                  "Các phòng chuyên môn thuộc UBND {t}", "Các cơ quan, đơn vị liên quan", "các ngành liên quan"],
}

COMMUNES = {"xã": ["An Bình", "Tân Hòa", "Suối Đá", "Phú Lập", "Long Phước", "Mỹ Lộc"],
            "phường": ["Long Hưng", "Phước Tân", "Bình Lợi", "Tân Định", "Hòa Khánh"]}
PROVINCES = ["Đồng Nai", "Tây Ninh", "Vĩnh Long", "Lâm Đồng"]
SIGNERS = ["Nguyễn Văn Thành", "Trần Thị Thu Hà", "Lê Minh Tuấn", "Phạm Quốc Bảo",
           "Huỳnh Thị Ngọc Lan", "Đặng Văn Hòa", "Võ Thanh Tùng"]

# (indicator_key, name, unit of measure, possible targets, lead keys, coordinating keys)
INDICATORS = [
    ("dti_rank", "Xếp hạng chỉ số đánh giá chuyển đổi số (DTI) của {t}", "Thứ bậc",
     ["Thuộc nhóm 20 xã, phường dẫn đầu tỉnh", "Thuộc nhóm 10 đơn vị dẫn đầu"], ["phong_vhxh"], ["all_units"]),
    ("edoc_processing_rate", "Tỷ lệ hồ sơ công việc được xử lý trên môi trường điện tử (trừ hồ sơ mật)", "%",
     ["100", "≥ 95"], ["vp_hdnd_ubnd"], ["all_units"]),
    ("vneid_level2_rate", "Tỷ lệ dân số trưởng thành có tài khoản định danh điện tử mức độ 2 (VNeID)", "%",
     ["≥ 90", "95"], ["cong_an"], ["to_cnscd", "ban_dieu_hanh"]),
    ("bank_account_rate", "Tỷ lệ người dân từ 15 tuổi trở lên có tài khoản thanh toán tại ngân hàng hoặc tổ chức được phép khác",
     "%", ["≥ 85", "90"], ["ngan_hang"], ["phong_kt", "to_cnscd"]),
    ("digital_signature_rate", "Tỷ lệ người trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân", "%",
     ["≥ 50", "≥ 70"], ["dn_chukyso"], ["ttpvhcc", "to_cnscd"]),
    ("ehealth_record_rate", "Tỷ lệ người dân có hồ sơ sức khỏe điện tử", "%", ["≥ 95", "100"], ["tram_yte"], ["cong_an"]),
    ("staff_digital_skills_rate", "Tỷ lệ cán bộ, công chức, viên chức được bồi dưỡng, làm chủ kỹ năng số cơ bản", "%",
     ["100"], ["vp_hdnd_ubnd"], ["all_units"]),
    ("cashless_rate", "Tỷ lệ giao dịch không dùng tiền mặt tại các cơ sở kinh doanh, dịch vụ trên địa bàn", "%",
     ["≥ 80", "≥ 70"], ["phong_kt"], ["ngan_hang", "doanh_nghiep"]),
    ("coverage_5g", "Tỷ lệ dân số được phủ sóng mạng di động 5G", "%", ["100", "≥ 99"], ["phong_kt"], ["dn_vienthong"]),
    ("stem_schools_rate", "Tỷ lệ cơ sở giáo dục phổ thông tổ chức giáo dục STEM và kỹ năng số", "%", ["100"],
     ["phong_vhxh"], ["truong_hoc"]),
    ("telehealth_access_rate", "Tỷ lệ người dân được tiếp cận thông tin y tế và dịch vụ khám, chữa bệnh từ xa", "%",
     ["≥ 90"], ["tram_yte"], ["phong_vhxh"]),
    ("cybersecurity", "Hệ thống thông tin của các cơ quan, đơn vị được bảo đảm an toàn thông tin theo cấp độ", "Hệ thống",
     ["100%", "Đảm bảo an toàn theo cấp độ"], ["cong_an"], ["vp_hdnd_ubnd", "to_ung_cuu"]),
    ("par_satisfaction_rank", "Chỉ số hài lòng của người dân, doanh nghiệp đối với sự phục vụ của cơ quan hành chính", "%",
     ["≥ 90", "≥ 85"], ["ttpvhcc"], ["all_units"]),
    ("provincial_platforms_rate", "Tỷ lệ ứng dụng các nền tảng số dùng chung do tỉnh triển khai", "%", ["100"],
     ["vp_hdnd_ubnd"], ["all_units"]),
    ("st_budget_share", "Tỷ lệ chi ngân sách {t} cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số", "%",
     ["≥ 3", "≥ 2"], ["vp_hdnd_ubnd"], ["phong_kt"]),
]
EGOV_PARENT = ("egov_operations_group",
               "Giải quyết TTHC, cung cấp DVC và chỉ đạo, điều hành, quản trị nội bộ trên môi trường điện tử")
EGOV_CHILDREN = [
    ("dvc_online_usage_rate", "Tỷ lệ người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến", "%", ["≥ 80", "≥ 90"]),
    ("dvc_fullprocess_rate", "Tỷ lệ TTHC đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình", "%", ["100"]),
    ("tthc_digitization_rate", "Tỷ lệ hồ sơ, kết quả giải quyết TTHC được số hóa", "%", ["100"]),
    ("tthc_eresult_rate", "Tỷ lệ kết quả giải quyết TTHC được cấp dưới dạng điện tử", "%", ["100"]),
    ("online_payment_rate", "Tỷ lệ hồ sơ TTHC, DVC được thanh toán trực tuyến", "%", ["≥ 80", "≥ 60"]),
    ("data_reuse_rate", "Tỷ lệ thông tin, dữ liệu đã số hóa được khai thác, tái sử dụng trong giải quyết TTHC", "%", ["≥ 80"]),
    ("tthc_nonterritorial_rate", "Tỷ lệ TTHC được tiếp nhận, giải quyết không phụ thuộc địa giới hành chính", "%", ["100"]),
]
# Task rows that sit inside an indicators table: (name, result, lead, coordinating)
IND_TASKS = [
    ("Tổ chức ra mắt, duy trì hoạt động của Tổ công nghệ số cộng đồng tại các {h}",
     "Tổ CNSCĐ hoạt động thường xuyên, hiệu quả", ["phong_vhxh"], ["ban_dieu_hanh", "doan_thanh_nien"]),
    ("Triển khai phong trào “Bình dân học vụ số” trên địa bàn {t}", "Kế hoạch triển khai; báo cáo kết quả",
     ["phong_vhxh"], ["ubmttq"]),
    ("Xây dựng Kế hoạch chuyển đổi số năm 2026 của {t}", "Kế hoạch được ban hành", ["vp_hdnd_ubnd"], ["all_units"]),
    ("Tổ chức Ngày Chuyển đổi số (10/10) hằng năm với các hoạt động trải nghiệm dịch vụ số cho người dân",
     "Chương trình hưởng ứng; báo cáo kết quả", ["phong_vhxh"], ["doan_thanh_nien", "to_cnscd"]),
]
TASK_SECTIONS = [
    "Nâng cao nhận thức, đổi mới tư duy, quyết tâm chính trị trong lãnh đạo, chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
    "Hoàn thiện thể chế, chính sách; tháo gỡ rào cản, tạo điều kiện cho phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
    "Đầu tư, hoàn thiện hạ tầng số và hạ tầng phục vụ khoa học, công nghệ, đổi mới sáng tạo",
    "Phát triển nguồn nhân lực, nâng cao kỹ năng số cho cán bộ và Nhân dân",
    "Đẩy mạnh chuyển đổi số trong hoạt động của hệ thống chính trị, bảo đảm quốc phòng, an ninh",
    "Thúc đẩy chuyển đổi số trong doanh nghiệp, hợp tác xã và hộ kinh doanh",
    "Tăng cường hợp tác, huy động nguồn lực cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
]
# (section index, name, result, lead keys, coordinating keys)
TASKS = [
    (0, "Tổ chức quán triệt, tuyên truyền sâu rộng nội dung Nghị quyết số 57-NQ/TW và các văn bản triển khai của cấp trên đến toàn thể cán bộ, đảng viên và Nhân dân",
     "Hội nghị quán triệt; báo cáo kết quả tuyên truyền", ["phong_vhxh"], ["all_units", "ubmttq"]),
    (0, "Xây dựng chuyên mục về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trên Trang thông tin điện tử và hệ thống truyền thanh của {t}",
     "Chuyên mục được duy trì định kỳ hằng tháng", ["ttdvth"], ["phong_vhxh"]),
    (0, "Đưa nhiệm vụ chuyển đổi số vào chương trình, kế hoạch công tác hằng năm của từng cơ quan, đơn vị; gắn trách nhiệm người đứng đầu với kết quả thực hiện",
     "Kế hoạch công tác năm của các cơ quan, đơn vị", ["all_units"], ["vp_hdnd_ubnd"]),
    (0, "Phát động phong trào “Bình dân học vụ số” trong cán bộ, công chức và Nhân dân trên địa bàn",
     "Kế hoạch phát động; số lượt người tham gia học tập trên nền tảng số", ["phong_vhxh"], ["ubmttq", "doan_thanh_nien"]),
    (1, "Rà soát, đề xuất bãi bỏ các quy định, thủ tục không còn phù hợp, gây cản trở hoạt động chuyển đổi số tại {t}",
     "Báo cáo rà soát", ["vp_hdnd_ubnd"], ["all_units"]),
    (1, "Triển khai các chính sách hỗ trợ của tỉnh về khoa học, công nghệ, đổi mới sáng tạo cho tổ chức, cá nhân, doanh nghiệp trên địa bàn",
     "Chính sách được phổ biến đến doanh nghiệp, người dân", ["phong_kt"], ["doanh_nghiep"]),
    (1, "Ban hành Quy chế quản lý, vận hành và khai thác các hệ thống thông tin dùng chung của UBND {t}",
     "Quyết định ban hành Quy chế", ["vp_hdnd_ubnd"], ["ttpvhcc"]),
    (2, "Phối hợp với doanh nghiệp viễn thông phát triển hạ tầng mạng di động 5G, cáp quang đến các {h}",
     "Hạ tầng mạng được phủ sóng toàn địa bàn", ["phong_kt"], ["dn_vienthong", "ban_dieu_hanh"]),
    (2, "Đầu tư, nâng cấp trang thiết bị công nghệ thông tin cho bộ phận một cửa và các phòng chuyên môn",
     "Trang thiết bị được trang bị đồng bộ", ["vp_hdnd_ubnd"], ["ttpvhcc"]),
    (2, "Lắp đặt hệ thống camera giám sát an ninh, trật tự tại các tuyến đường, khu vực trọng điểm, kết nối với hệ thống giám sát của Công an tỉnh",
     "Hệ thống camera được kết nối, vận hành", ["cong_an"], ["ban_dieu_hanh", "dn_vienthong"]),
    (2, "Bố trí điểm truy cập Internet miễn phí tại trụ sở UBND, nhà văn hóa và khu vực đông dân cư",
     "Điểm Wi-Fi công cộng hoạt động ổn định", ["phong_kt"], ["dn_vienthong"]),
    (3, "Cử cán bộ, công chức, viên chức tham gia các lớp đào tạo, bồi dưỡng kiến thức, kỹ năng số do tỉnh tổ chức",
     "Số lượt cán bộ được đào tạo, bồi dưỡng", ["vp_hdnd_ubnd"], ["all_units"]),
    (3, "Tổ chức tập huấn kỹ năng số cơ bản cho thành viên Tổ công nghệ số cộng đồng",
     "Các lớp tập huấn được tổ chức", ["phong_vhxh"], ["to_cnscd"]),
    (3, "Đẩy mạnh giáo dục STEM, kỹ năng số trong các trường học trên địa bàn",
     "Các trường tổ chức giáo dục STEM", ["phong_vhxh"], ["truong_hoc"]),
    (4, "Triển khai hiệu quả Đề án 06 theo Quyết định số 06/QĐ-TTg của Thủ tướng Chính phủ; làm sạch, cập nhật dữ liệu dân cư trên địa bàn",
     "Dữ liệu dân cư “đúng, đủ, sạch, sống”", ["cong_an"], ["all_units", "to_cnscd"]),
    (4, "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực; tái sử dụng dữ liệu đã số hóa",
     "Kho dữ liệu số hóa được cập nhật", ["ttpvhcc"], ["vp_hdnd_ubnd"]),
    (4, "Sử dụng hệ thống quản lý văn bản và điều hành, ký số trong xử lý văn bản, hồ sơ công việc",
     "Văn bản điện tử được ký số", ["vp_hdnd_ubnd"], ["all_units"]),
    (4, "Bảo đảm an toàn thông tin mạng cho các hệ thống thông tin của UBND {t}; xây dựng phương án ứng cứu sự cố",
     "Phương án bảo đảm ATTT được phê duyệt", ["cong_an"], ["to_ung_cuu", "vp_hdnd_ubnd"]),
    (4, "Ứng dụng công nghệ số trong công tác quân sự, quốc phòng địa phương",
     "Phần mềm quản lý được sử dụng", ["quan_su"], ["cong_an"]),
    (5, "Hỗ trợ hộ kinh doanh, hợp tác xã đưa sản phẩm lên sàn thương mại điện tử và ứng dụng thanh toán không dùng tiền mặt",
     "Số hộ kinh doanh, HTX tham gia sàn TMĐT", ["phong_kt"], ["ngan_hang", "doanh_nghiep"]),
    (5, "Xây dựng mã QR truy xuất nguồn gốc cho các sản phẩm OCOP, nông sản chủ lực của {t}",
     "Sản phẩm được gắn mã truy xuất", ["phong_kt"], ["doanh_nghiep"]),
    (5, "Khuyến khích doanh nghiệp trên địa bàn ứng dụng công nghệ số trong quản trị, sản xuất, kinh doanh",
     "Báo cáo kết quả triển khai", ["phong_kt"], ["doanh_nghiep", "all_units"]),
    (6, "Huy động doanh nghiệp, tổ chức tham gia hỗ trợ thiết bị, giải pháp số cho người dân có hoàn cảnh khó khăn",
     "Số thiết bị được hỗ trợ", ["ubmttq"], ["doanh_nghiep", "phong_vhxh"]),
    (6, "Bố trí kinh phí từ ngân sách {t} cho các nhiệm vụ khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số hằng năm",
     "Dự toán ngân sách được phê duyệt", ["vp_hdnd_ubnd"], ["phong_kt"]),
]
TASK_PARENT = ("Đẩy mạnh chuyển đổi số trong các lĩnh vực trọng điểm của {t}, gồm:",
               [("Nông nghiệp", ["phong_kt"]), ("Giáo dục", ["truong_hoc"]), ("Y tế", ["tram_yte"]),
                ("Trật tự, an toàn xã hội", ["cong_an"])])
LONG_TASK = ("Rà soát, chuẩn hóa toàn bộ quy trình nội bộ giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công; "
             "tái cấu trúc quy trình theo hướng liên thông, không phụ thuộc địa giới hành chính; triển khai tiếp nhận hồ sơ qua "
             "Cổng dịch vụ công quốc gia, ứng dụng VNeID và các kênh trực tuyến khác; tổ chức hướng dẫn, hỗ trợ người dân, "
             "nhất là người cao tuổi, người khuyết tật, người dân ở khu vực xa trung tâm thực hiện dịch vụ công trực tuyến, "
             "thanh toán trực tuyến, ký số; định kỳ đánh giá mức độ hài lòng và công khai kết quả trên Trang thông tin điện tử của {t}")
LONG_RESULT = ["- Quy trình nội bộ được chuẩn hóa, công khai;", "- Báo cáo đánh giá định kỳ hằng quý;",
               "- Người dân được hướng dẫn, hỗ trợ tại chỗ"]
TASK_DEADLINES = ["Thường xuyên", "Hằng năm", "Năm 2026", "Quý IV/2025", "Quý I/2026", "Tháng 12/2025",
                  "Trong năm 2026", "2026 - 2030", "Năm 2026 và các năm tiếp theo", "Khi có hướng dẫn của cấp trên"]
IND_DEADLINES = ["Năm 2030", "Hằng năm", "Thường xuyên", "2026 - 2030"]
NOTES = ["Chỉ tiêu tỉnh giao", "Phấn đấu vượt", "Duy trì"]
BUDGET = [
    "Tuyên truyền, phổ biến về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trên hệ thống truyền thanh",
    "Mua sắm, nâng cấp trang thiết bị công nghệ thông tin cho Trung tâm Phục vụ hành chính công",
    "Tập huấn kỹ năng số cho cán bộ, công chức và thành viên Tổ công nghệ số cộng đồng",
    "Số hóa hồ sơ, tài liệu lưu trữ của UBND {t}",
    "Lắp đặt, duy trì hệ thống camera giám sát an ninh, trật tự",
    "Duy trì đường truyền Internet, mạng nội bộ và phần mềm dùng chung",
    "Bảo đảm an toàn thông tin mạng, thuê dịch vụ giám sát an toàn thông tin",
    "Hỗ trợ hộ kinh doanh, hợp tác xã tham gia sàn thương mại điện tử",
    "Tổ chức phong trào “Bình dân học vụ số”",
]
BUDGET_NOTES = ["Ngân sách {t}", "Nguồn sự nghiệp KHCN", "Nguồn xã hội hóa"]

# Column layouts: (field, header text, width in mm); widths sum to 267 mm.
IND_A = [("stt", "STT", 12), ("name", "Chỉ tiêu", 80), ("unit", "Đơn vị\ntính", 18), ("result", "Kết quả", 35),
         ("lead", "Đơn vị chủ trì", 42), ("coord", "Đơn vị phối hợp", 52), ("deadline", "Thời gian", 28)]
IND_B = [("stt", "TT", 10), ("name", "Nội dung chỉ tiêu", 85), ("result", "Chỉ tiêu đạt", 40), ("unit", "ĐVT", 16),
         ("lead", "Cơ quan chủ trì", 40), ("coord", "Cơ quan phối hợp", 48), ("note", "Ghi chú", 28)]
IND_C = [("stt", "STT", 12), ("name", "Tên chỉ tiêu", 95), ("result", "Mục tiêu đến\nnăm 2030", 40),
         ("lead", "Đơn vị chủ trì", 45), ("coord", "Đơn vị phối hợp", 50), ("deadline", "Thời gian\nthực hiện", 25)]
IND_D = [("stt", "STT", 12), ("name", "Chỉ tiêu", 78), ("unit", "Đơn vị tính", 20), ("result", "Kết quả", 32),
         ("deadline", "Thời gian hoàn thành", 27), ("lead", "Đơn vị chủ trì", 45), ("coord", "Đơn vị phối hợp", 53)]
TASK_A = [("stt", "STT", 12), ("name", "Nhiệm vụ", 85), ("lead", "Đơn vị chủ trì", 40), ("coord", "Đơn vị phối hợp", 50),
          ("result", "Kết quả / sản phẩm", 50), ("deadline", "Thời gian\nhoàn thành", 30)]
TASK_B = [("stt", "TT", 10), ("name", "Nhiệm vụ", 90), ("lead", "Chủ trì", 40), ("coord", "Phối hợp", 50),
          ("result", "Sản phẩm", 47), ("deadline", "Thời gian\nthực hiện", 30)]
TASK_C = [("stt", "TT", 10), ("name", "Tên nhiệm vụ", 70), ("result", "Yêu cầu kết quả đạt được", 45),
          ("deadline", "Thời gian thực hiện", 25), ("lead", "Đơn vị chủ trì thực hiện", 37),
          ("coord", "Đơn vị phối hợp", 42), ("monitor", "Đơn vị theo dõi, đánh giá", 38)]
TASK_D = [("stt", "STT", 12), ("name", "Nhiệm vụ", 82), ("result", "Kết quả / sản phẩm", 48),
          ("deadline", "Thời gian hoàn thành", 28), ("lead", "Đơn vị chủ trì", 42), ("coord", "Đơn vị phối hợp", 55)]
BUD_A = [("stt", "STT", 15), ("name", "Nhiệm vụ", 190), ("amount", "Tổng kinh phí", 62)]
BUD_B = [("stt", "STT", 15), ("name", "Nội dung", 160), ("amount", "Kinh phí", 40), ("note", "Ghi chú", 52)]

# One profile per sample (cycled when --count > 4).
PROFILES = [
    dict(admin="xã", issuer="ubnd_full", symbol="KH-UBND", number=True, day=True, kt=False, signed=True,
         font="Serif", tfont="Serif", seps=["\n", "; "], repeat=True, split=False,
         ind=dict(layout=IND_A, sections=[("I", "Đến năm 2030", 5, True, 0), ("II", "Đến năm 2045", 3, False, 0)]),
         tasks=dict(layout=TASK_A, style="roman", n_sections=5, restart=False, parent=False, long=False),
         budget=dict(layout=BUD_A, decimals=False), title=0),
    dict(admin="phường", issuer="bcd", symbol="KH-BCĐ", number=False, day=False, kt=True, signed=True,
         font="Sans", tfont="Sans", seps=[", ", "; "], repeat=False, split=True, header2=True,
         ind=dict(layout=IND_B, sections=[("I", "Chỉ tiêu về chuyển đổi số", 5, False, 2),
                                          ("II", "Chỉ tiêu về khoa học, công nghệ và đổi mới sáng tạo", 2, False, 1)]),
         tasks=dict(layout=TASK_B, style="roman", n_sections=6, restart=False, parent=False, long=True),
         budget=None, title=1),
    dict(admin="xã", issuer="ubnd_short", symbol="KH-UBND", number=True, day=True, kt=True, signed=False,
         font="Serif", tfont="Sans", seps=["; ", "\n", ", "], repeat=False, split=False, stt_glitch=True,
         ind=dict(layout=IND_C, sections=[(None, None, 6, False, 0)]),
         tasks=dict(layout=TASK_C, style="letters", n_sections=2, restart=False, parent=False, long=False),
         budget=dict(layout=BUD_B, decimals=True), title=2),
    dict(admin="phường", issuer="ubnd_full", symbol="KH-UBND", number=True, day=True, kt=False, signed=True,
         font="Sans", tfont="Sans", seps=["\n", ", ", "; "], repeat=True, split=True, colnums=True,
         ind=dict(layout=IND_D, sections=[("A", "Chỉ tiêu chung", 3, False, 0), ("B", "Chỉ tiêu cụ thể", 2, True, 0)]),
         tasks=dict(layout=TASK_D, style="roman", n_sections=5, restart=True, parent=True, long=True),
         budget=None, title=3),
]

# Layouts with other printed column names (same fields), for the stress set.
IND_E = [("stt", "Số TT", 14), ("name", "Nội dung", 90), ("unit", "Đơn vị đo", 20), ("result", "Chỉ tiêu đến năm 2030", 38),
         ("lead", "Cơ quan thực hiện chính", 45), ("coord", "Cơ quan phối hợp", 60)]
TASK_E = [("stt", "TT", 10), ("name", "Nội dung nhiệm vụ", 88), ("lead", "Cơ quan chủ trì", 42),
          ("coord", "Cơ quan phối hợp", 52), ("deadline", "Thời hạn hoàn thành", 28), ("result", "Sản phẩm đầu ra", 47)]
TASK_F = [("stt", "STT", 12), ("name", "Nội dung công việc", 95), ("lead", "Đơn vị chủ trì", 45),
          ("coord", "Đơn vị phối hợp", 55), ("deadline", "Tiến độ", 25), ("note", "Ghi chú", 35)]

# A held-out stress set (--set stress): header styles, ruling and orientation the four
# sample profiles never use, so the extractor is checked on layouts it was not tuned on.
STRESS_PROFILES = [
    dict(PROFILES[0], party=True, issuer="party", symbol="KH/ĐU", rules="hlines", captions=1,
         ind=dict(layout=IND_E, sections=[("I", "Chỉ tiêu chung", 4, False, 0), ("II", "Chỉ tiêu cụ thể", 3, False, 0)]),
         tasks=dict(layout=TASK_E, style="roman", n_sections=4, restart=False, parent=False, long=False)),
    dict(PROFILES[1], rules="none", portrait=True, sig="tm", captions=2,
         tasks=dict(layout=TASK_F, style="letters", n_sections=2, restart=False, parent=False, long=False)),
    dict(PROFILES[2], rules="hlines", portrait=True, repeat=True, captions=1),
    dict(PROFILES[3], party=True, issuer="party", symbol="KH/ĐU", rules="grid", sig="tm", captions=2,
         ind=dict(layout=IND_E, sections=[(None, None, 7, True, 0)])),
    dict(PROFILES[2], inline=True, portrait=True, rules="none", captions=0),
    dict(PROFILES[0], inline=True, portrait=True, rules="grid", captions=1, sig="tm"),
    dict(PROFILES[1], rules="columns", captions=2),  # column rules only, rows not ruled apart
    dict(PROFILES[3], rules="banded", captions=1, party=True, issuer="party", symbol="KH/ĐU"),  # shading, no rules
]
CAPTIONS = [
    {"indicators": "DANH MỤC CÁC CHỈ TIÊU CỤ THỂ", "tasks": "DANH MỤC CÁC NHIỆM VỤ CỤ THỂ",
     "budget": "DỰ TOÁN KINH PHÍ THỰC HIỆN NHIỆM VỤ"},
    {"indicators": "MỘT SỐ CHỈ TIÊU CHỦ YẾU", "tasks": "NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM",
     "budget": "KINH PHÍ THỰC HIỆN"},
    {"indicators": "BIỂU CHỈ TIÊU PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ VÀ CHUYỂN ĐỔI SỐ",
     "tasks": "PHÂN CÔNG NHIỆM VỤ THỰC HIỆN", "budget": "DỰ TOÁN KINH PHÍ"},
]

TITLES = [
    "Triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia trên địa bàn {t} {n}",
    "Thực hiện Kế hoạch số {pk} của UBND tỉnh {p} về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trên địa bàn {t} {n} năm 2026",
    "Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số {t} {n} giai đoạn 2025 - 2030",
    "Triển khai Chương trình hành động thực hiện Nghị quyết số 57 - NQ/TW ngày 22/12/2024 của Bộ Chính trị trên địa bàn {t} {n}",
]


def references_catalogue(d):
    """(code, citation) pairs this document may cite; local numbers are drawn per document."""
    return [
        ("57-NQ/TW", "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, "
                     "công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"),
        ("03/NQ-CP", "Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ ban hành Chương trình hành động của "
                     "Chính phủ thực hiện Nghị quyết số 57-NQ/TW"),
        ("71/NQ-CP", "Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ sửa đổi, bổ sung, cập nhật Chương trình "
                     "hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW"),
        (d["tu_code"], f"Kế hoạch số {d['tu_code']} ngày 15/5/2025 của Tỉnh ủy {d['province']} thực hiện Nghị quyết số 57-NQ/TW"),
        (d["pk_code"], f"Kế hoạch số {d['pk_code']} ngày {d['pk_date']} của UBND tỉnh {d['province']} về phát triển "
                       "khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số"),
        (d["du_code"], f"Kế hoạch số {d['du_code']} ngày 20/8/2025 của Đảng ủy {d['t']} {d['name']} về thực hiện "
                       "Nghị quyết số 57-NQ/TW"),
        (d["hd_code"], f"Nghị quyết số {d['hd_code']} ngày 30/9/2025 của HĐND {d['t']} về nhiệm vụ phát triển "
                       "kinh tế - xã hội"),
        ("06/QĐ-TTg", "Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án phát triển "
                      "ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia"),
    ]


# ---------------------------------------------------------------- generation
def vn_number(tenths):
    """Format an amount given in tenths the Vietnamese way: 1.200 / 2.500,5."""
    whole, frac = divmod(tenths, 10)
    text = f"{whole:,}".replace(",", ".")
    return text + (f",{frac}" if frac else "")


class Generator:
    """Draws the content of one document from the vocabulary with a seeded RNG."""

    def __init__(self, rng, prof):
        self.rng, self.prof = rng, prof
        self.t = prof["admin"]
        self.h = "ấp" if self.t == "xã" else "khu phố"
        self._sub = 0

    def fill(self, text):
        return text.replace("{t}", self.t).replace("{h}", self.h)

    def body_name(self, key):
        if key == "phong_kt" and self.t == "phường":
            key = "phong_kthtdt"
        return key, self.fill(self.rng.choice(UNITS[key]))

    def units(self, keys, extra=0, avoid=()):
        """A unit cell: (names, keys, separator), with up to `extra` random extra bodies."""
        keys = list(keys)
        for _ in range(extra):
            k = self.rng.choice(["all_units", "phong_vhxh", "ttpvhcc", "to_cnscd", "vp_hdnd_ubnd"])
            if k not in keys and k not in avoid:
                keys.append(k)
        pairs = [self.body_name(k) for k in keys]
        pairs[0] = (pairs[0][0], pairs[0][1][0].upper() + pairs[0][1][1:])   # a cell starts with a capital
        sep = self.rng.choice(self.prof["seps"])
        if sep == ", " and any("," in n or not n[0].isupper() for _, n in pairs):
            sep = "; "
        return [n for _, n in pairs], [k for k, _ in pairs], sep

    def indicators(self, spec):
        """Rows of the indicators table: group rows, indicator rows, task rows, parent/sub rows."""
        rows, pool = [], self.rng.sample(INDICATORS, len(INDICATORS))
        tasks = self.rng.sample(IND_TASKS, len(IND_TASKS))
        n = 0
        for code, title, count, parent, n_tasks in spec["sections"]:
            if code:
                rows.append({"group": code, "title": title})
            body = []
            for _ in range(count):
                k, name, unit, targets, lead, coord = pool.pop()
                body.append(dict(kind="indicator", ikey=k, name=self.fill(name), unit=unit,
                                 result=self.rng.choice(targets), lead=self.units(lead),
                                 coord=self.units(coord, extra=self.rng.randint(0, 1), avoid=lead),
                                 deadline=self.rng.choice(IND_DEADLINES + [None]),
                                 note=self.rng.choice(NOTES + [None, None, None])))
            for _ in range(n_tasks):
                name, result, lead, coord = tasks.pop()
                body.insert(self.rng.randint(1, len(body)), dict(
                    kind="task", name=self.fill(name), result=result, lead=self.units(lead),
                    coord=self.units(coord), deadline=self.rng.choice(TASK_DEADLINES)))
            if parent:
                body.append(dict(kind="indicator", ikey=EGOV_PARENT[0], name=EGOV_PARENT[1], parent=True))
                for k, name, unit, targets in self.rng.sample(EGOV_CHILDREN, 4):
                    body.append(dict(kind="indicator", ikey=k, name=name, unit=unit, sub=True,
                                     result=self.rng.choice(targets), lead=self.units(["ttpvhcc"]),
                                     coord=self.units(["all_units"]), deadline=self.rng.choice(IND_DEADLINES)))
            for row in body:
                n, row["stt"] = self.number(row, n)
                rows.append(row)
        return rows

    def number(self, row, n):
        """Next STT: sub rows get 'n.k', others 'n+1'."""
        if row.get("sub"):
            self._sub += 1
            return n, f"{n}.{self._sub}"
        self._sub = 0
        return n + 1, str(n + 1)

    def tasks(self, spec):
        """Rows of the tasks table, grouped by Roman or letter sections."""
        rng, rows, n = self.rng, [], 0
        if spec["style"] == "roman":
            secs = sorted(rng.sample(range(len(TASK_SECTIONS)), spec["n_sections"]))
            groups = [(("I", "II", "III", "IV", "V", "VI", "VII")[i], TASK_SECTIONS[s],
                       [t for t in TASKS if t[0] == s]) for i, s in enumerate(secs)]
            groups = [(c, title, rng.sample(ts, min(len(ts), rng.randint(2, 3)))) for c, title, ts in groups]
        else:
            pool = rng.sample(TASKS, 16)
            groups = [("A", "NHIỆM VỤ TRỌNG TÂM NĂM 2025 - 2026", pool[:8]),
                      ("B", "NHIỆM VỤ THƯỜNG XUYÊN GIAI ĐOẠN 2026 - 2030", pool[8:])]
        for gi, (code, title, picked) in enumerate(groups):
            rows.append({"group": code, "title": title})
            if spec["restart"]:
                n = 0
            body = []
            for _, name, result, lead, coord in sorted(picked, key=TASKS.index):
                lead = lead + (["vp_hdnd_ubnd" if lead[0] == "cong_an" else "ttpvhcc"] if rng.random() < 0.2 else [])
                body.append(dict(kind="task", name=self.fill(name), result=result, lead=self.units(lead),
                                 coord=self.units(coord, extra=rng.randint(0, 1), avoid=lead),
                                 monitor=self.units(rng.choice([["vp_hdnd_ubnd"], ["ban_chi_dao"], ["phong_vhxh"]])),
                                 deadline=rng.choice(TASK_DEADLINES)))
            if spec["long"] and gi == 1:
                body.insert(1, dict(kind="task", name=self.fill(LONG_TASK), result=LONG_RESULT,
                                    lead=self.units(["ttpvhcc"]), coord=self.units(["all_units", "cong_an"]),
                                    deadline=["- Quý IV/2025", "- Duy trì hằng năm"]))
            if spec["parent"] and gi == len(groups) - 2:
                body.append(dict(kind="task", name=self.fill(TASK_PARENT[0]), parent=True))
                for name, lead in TASK_PARENT[1]:
                    body.append(dict(kind="task", name=name, sub=True, result="Báo cáo kết quả chuyển đổi số",
                                     lead=self.units(lead), coord=self.units(["phong_vhxh"]),
                                     deadline=rng.choice(TASK_DEADLINES)))
            for row in body:
                n, row["stt"] = self.number(row, n)
                rows.append(row)
        if self.prof.get("stt_glitch"):   # a repeated and a skipped number, kept as printed
            items = [r for r in rows if "group" not in r]
            items[4]["stt"] = items[3]["stt"]
            for r in items[9:]:
                r["stt"] = str(int(r["stt"]) + 1)
        return rows

    def budget(self, spec):
        """Budget rows and the total, amounts in tenths of a million đồng."""
        amounts = [self.rng.choice([500, 800, 1000, 1200, 1500, 2000, 3000, 5000]) for _ in range(6)]
        amounts[self.rng.randrange(6)] = self.rng.choice([12000, 15000, 25000])    # prints "1.200"
        if spec["decimals"]:
            amounts[self.rng.randrange(6)] = self.rng.choice([25005, 125, 755])    # prints "2.500,5"
        rows, total = [], sum(amounts)
        for i, (name, amount) in enumerate(zip(self.rng.sample(BUDGET, 6), amounts, strict=True)):
            rows.append(dict(kind="budget", stt=str(i + 1), name=self.fill(name), amount=amount,
                             note=self.fill(self.rng.choice(BUDGET_NOTES)) if i % 2 == 0 else None))
        return rows, total


def lines(value):
    """A cell value as printed lines (None -> [])."""
    if value is None:
        return []
    if isinstance(value, tuple):
        names, _, sep = value
        return names if sep == "\n" else [sep.join(names)]
    return value if isinstance(value, list) else [value]


def cell_text(value):
    joined = " ".join(lines(value)).strip()
    return joined or None


def key_item(table, layout, row, section):
    """The answer-key item for one printed row, from the cells its layout prints."""
    fields = {f for f, _, _ in layout}
    get = lambda f: row.get(f) if f in fields else None
    item = dict(table=table, kind=row["kind"], section=section[0], section_title=section[1],
                stt=row.get("stt"), name=row["name"], unit_of_measure=cell_text(get("unit")),
                target=None, expected_result=None)
    result = cell_text(get("result"))
    item["target" if row["kind"] == "indicator" else "expected_result"] = result
    for role, f in (("lead", "lead"), ("coordinating", "coord"), ("monitoring", "monitor")):
        value = get(f)
        item[role] = list(value[0]) if value else []
        item[role + "_keys"] = list(value[1]) if value else []
    item.update(deadline=cell_text(get("deadline")), note=cell_text(get("note")),
                indicator_key=row.get("ikey") if row["kind"] == "indicator" else None,
                amount=row["amount"] / 10 if row["kind"] == "budget" else None, uncertain=[])
    return item


def build_document(rng, prof, stem, name):
    """Draw all content of one document named `name`; returns (meta, tables, key)."""
    gen = Generator(rng, prof)
    t = prof["admin"]
    province = rng.choice(PROVINCES)
    number = rng.randint(100, 260)
    month = rng.choice([9, 10, 11, 12])
    day = rng.randint(2, 28)
    d = dict(t=t, name=name, province=province, tu_code=f"{rng.randint(300, 480)}-KH/TU",
             pk_code=f"{rng.randint(20, 95)}/KH-UBND", pk_date=f"{rng.randint(1, 28)}/{month - 1}/2025",
             du_code=f"{rng.randint(10, 40)}-KH/ĐU", hd_code=f"{rng.randint(10, 40)}/NQ-HĐND")
    refs = references_catalogue(d)
    cited = [refs[0]] + sorted(rng.sample(refs[1:], 4), key=refs.index)
    issuer = {"ubnd_full": f"Ủy ban nhân dân {t} {name}", "ubnd_short": f"UBND {t} {name}",
              "bcd": f"Ban Chỉ đạo {t} {name}", "party": f"Đảng ủy {t} {name}"}[prof["issuer"]]
    meta = dict(d, issuer=issuer, cited=cited, number=number if prof["number"] else None,
                month=month, day=day if prof["day"] else None,
                signer=rng.choice(SIGNERS) if prof["signed"] else None,
                title=TITLES[prof["title"]].format(t=t, n=name, p=province, pk=d["pk_code"]))
    tables = []
    tables.append(("indicators", prof["ind"]["layout"], gen.indicators(prof["ind"]), None))
    tables.append(("tasks", prof["tasks"]["layout"], gen.tasks(prof["tasks"]), None))
    total = None
    if prof["budget"]:
        rows, total = gen.budget(prof["budget"])
        tables.append(("budget", prof["budget"]["layout"], rows, total))
    items = []
    for table, layout, rows, _ in tables:
        section = (None, None)
        for row in rows:
            if "group" in row:
                section = (row["group"], row["title"])
            else:
                items.append(key_item(table, layout, row, section))
    sym = prof["symbol"]
    doc = dict(admin_unit_type=t, admin_unit_name=name, province=province, issuing_body=issuer,
               doc_number=(f"{number}{'-' if prof.get('party') else '/'}{sym}" if prof["number"] else None),
               doc_symbol=sym,
               issue_date=f"2025-{month:02d}" + (f"-{day:02d}" if prof["day"] else ""), doc_type="kế hoạch",
               title=meta["title"], signer_name=meta["signer"],
               signer_title=" ".join(signature_title(prof)),
               references=[], budget_total=total / 10 if total is not None else None,
               budget_unit="triệu đồng" if total is not None else None)
    key = {"source": f"{stem}.pdf", "document": doc, "items": items}
    return meta, tables, key


def signature_title(prof):
    """The printed lines of the signature title for a profile (state or party body, TM./KT. forms)."""
    if prof.get("party"):
        return ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"] if prof["kt"] else ["T/M ĐẢNG ỦY", "BÍ THƯ"]
    if prof["issuer"] == "bcd" and prof.get("sig") == "tm":
        return ["TM. BAN CHỈ ĐẠO"] + (["KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"] if prof["kt"] else ["TRƯỞNG BAN"])
    head = ["TM. ỦY BAN NHÂN DÂN"] if prof.get("sig") == "tm" else []
    return head + (["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] if prof["kt"] else ["CHỦ TỊCH"])


def find_references(printed, catalogue):
    """Codes of the catalogue that occur in the printed text, in order of first appearance."""
    found = []
    for code, _ in catalogue:
        num, rest = re.match(r"(\d+)(.*)", code).groups()
        pattern = r"(?<![\d/])" + num + r"\s*" + re.escape(rest[0]) + r"\s*" + re.escape(rest[1:]) + r"(?![\w])"
        m = re.search(pattern, printed)
        if m:
            found.append((m.start(), code))
    return [code for _, code in sorted(found)]


# ---------------------------------------------------------------- rendering
def register_fonts():
    for fam, base in (("Serif", "DejaVuSerif"), ("Sans", "DejaVuSans")):
        pdfmetrics.registerFont(TTFont(fam, str(FONT_DIR / f"{base}.ttf")))
        pdfmetrics.registerFont(TTFont(fam + "-Bold", str(FONT_DIR / f"{base}-Bold.ttf")))
        pdfmetrics.registerFontFamily(fam, normal=fam, bold=fam + "-Bold", italic=fam, boldItalic=fam + "-Bold")


def styles(font, tfont, table_size=10):
    """Paragraph styles for the body (font) and the tables (tfont, `table_size` points)."""
    s = lambda name, **kw: ParagraphStyle(name, **{"fontName": font, "fontSize": 13, "leading": 17, **kw})
    return dict(
        hdr=s("hdr", fontSize=11, leading=14, alignment=TA_CENTER),
        title=s("title", fontName=font + "-Bold", fontSize=13.5, leading=17.5, alignment=TA_CENTER),
        body=s("body", alignment=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=3),
        head=s("head", fontName=font + "-Bold", spaceBefore=4, spaceAfter=3),
        sig=s("sig", fontName=font + "-Bold", alignment=TA_CENTER),
        small=s("small", fontSize=9.5, leading=12),
        cap=s("cap", fontName=tfont, fontSize=12, leading=15, alignment=TA_CENTER),
        right=s("right", fontName=tfont, fontSize=11, leading=14, alignment=TA_RIGHT, spaceAfter=2),
        th=s("th", fontName=tfont + "-Bold", fontSize=table_size, leading=table_size * 1.2, alignment=TA_CENTER),
        td=s("td", fontName=tfont, fontSize=table_size, leading=table_size * 1.25, alignment=TA_LEFT),
        tdc=s("tdc", fontName=tfont, fontSize=table_size, leading=table_size * 1.25, alignment=TA_CENTER),
        tdr=s("tdr", fontName=tfont, fontSize=table_size, leading=table_size * 1.25, alignment=TA_RIGHT),
    )


def para(text, style, bold=False):
    """Paragraph from plain text; '\\n' becomes a line break, markup characters are escaped."""
    markup = "<br/>".join(escape(line) for line in text.split("\n"))
    return Paragraph(f"<b>{markup}</b>" if bold else markup, style)


def first_part(meta, prof, st, inline=None):
    """Flowables of the portrait part: header block, title, căn cứ, body, signature.

    `inline` holds (flowables, printed text) of tables set in the body under
    "II. NHIỆM VỤ, GIẢI PHÁP" instead of appendices."""
    t, name = meta["t"], meta["name"]
    blank = "&nbsp;" * 8
    sym = prof["symbol"]
    party = prof.get("party")
    if party:   # party committee style: "Số 125-KH/ĐU", no colon
        number = f"Số {meta['number']}-{sym}" if meta["number"] else f"Số{blank}-{sym}"
    else:
        number = f"Số: {meta['number']}/{sym}" if meta["number"] else f"Số:{blank}/{sym}"
    day = f"ngày {meta['day']:02d}" if meta["day"] else f"ngày{blank}"
    if party:
        left_top = [Paragraph(f"ĐẢNG BỘ TỈNH {(meta['province'] or '').upper()}", st["hdr"]),
                    Paragraph(f"<b>ĐẢNG ỦY {t.upper()} {name.upper()}</b>", st["hdr"]), Paragraph("*", st["hdr"])]
    elif prof["issuer"] == "bcd":
        left_top = [Paragraph(f"UBND {t.upper()} {name.upper()}", st["hdr"]), Paragraph("<b>BAN CHỈ ĐẠO</b>", st["hdr"])]
    else:
        left_top = [Paragraph("ỦY BAN NHÂN DÂN", st["hdr"]), Paragraph(f"<b>{t.upper()} {name.upper()}</b>", st["hdr"])]
    rule = lambda w: HRFlowable(width=w * mm, thickness=0.6, color=colors.black, spaceBefore=3, spaceAfter=5)
    left = left_top + ([] if party else [rule(22)]) + [Paragraph(number, st["hdr"])]
    motto = ([Paragraph("<b>ĐẢNG CỘNG SẢN VIỆT NAM</b>", st["hdr"])] if party else
             [Paragraph("<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>", st["hdr"]),
              Paragraph("<b>Độc lập - Tự do - Hạnh phúc</b>", st["hdr"])])
    month = f"tháng {meta['month']}" if meta["month"] else f"tháng{blank}"
    right = motto + [rule(52), Paragraph(f"{name}, {day} {month} năm {meta.get('year', 2025)}", st["hdr"])]
    header = Table([[left, right]], colWidths=[60 * mm, 100 * mm])
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    out = [header, Spacer(1, 8 * mm), Paragraph("<b>KẾ HOẠCH</b>", st["title"])]
    out += [para(meta["title"], st["title"]), Spacer(1, 3 * mm)] if meta["title"] else [Spacer(1, 3 * mm)]
    printed = [number, meta["title"] or ""]
    basis = ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"]
    basis += [f"Căn cứ {cite};" for _, cite in meta["cited"]]
    basis[-1] = basis[-1][:-1] + "."
    area = f"{t} {name}, tỉnh {meta['province']}" if meta["province"] else f"{t} {name}"
    sections = meta["sections"]
    body = basis + [f"{meta['issuer']} ban hành Kế hoạch triển khai trên địa bàn {area} với các nội dung cụ thể như sau:",
                    "#I. MỤC ĐÍCH, YÊU CẦU", "#1. Mục đích",
                    f"- Cụ thể hóa các mục tiêu, nhiệm vụ, giải pháp về phát triển khoa học, công nghệ, đổi mới sáng tạo và "
                    f"chuyển đổi số phù hợp với điều kiện thực tế của {t}; xác định rõ nhiệm vụ, trách nhiệm của từng cơ quan, "
                    f"đơn vị, tạo chuyển biến mạnh mẽ về nhận thức và hành động trong cả hệ thống chính trị.",
                    "- Phát huy vai trò của người dân, doanh nghiệp là trung tâm, là chủ thể của chuyển đổi số; từng bước "
                    "hình thành chính quyền số, kinh tế số và xã hội số trên địa bàn.",
                    "#2. Yêu cầu",
                    "- Các cơ quan, đơn vị bám sát nội dung Kế hoạch, chủ động xây dựng kế hoạch thực hiện; bảo đảm tiến độ, "
                    "chất lượng, hiệu quả, tránh hình thức.",
                    f"- Tăng cường phối hợp giữa các cơ quan, đơn vị; định kỳ báo cáo kết quả thực hiện về UBND {t} "
                    "(qua Phòng Văn hóa - Xã hội) để tổng hợp, theo dõi.",
                    "#II. NHIỆM VỤ, GIẢI PHÁP",
                    "Các chỉ tiêu, nhiệm vụ cụ thể như sau:" if inline else
                    f"Các chỉ tiêu, nhiệm vụ cụ thể tại {sections} kèm theo Kế hoạch này.", "@TABLES"]
    if prof["budget"]:
        body += ["#III. KINH PHÍ THỰC HIỆN",
                 f"Kinh phí thực hiện từ nguồn ngân sách {t} được bố trí trong dự toán hằng năm và các nguồn huy động "
                 "hợp pháp khác (chi tiết tại Phụ lục III)."]
    body += ["#IV. TỔ CHỨC THỰC HIỆN" if prof["budget"] else "#III. TỔ CHỨC THỰC HIỆN",
             "Thủ trưởng các cơ quan, đơn vị căn cứ nhiệm vụ được giao tổ chức triển khai thực hiện; Phòng Văn hóa - Xã hội "
             f"chủ trì theo dõi, đôn đốc, tổng hợp kết quả, báo cáo UBND {t} theo quy định.",
             f"Trên đây là Kế hoạch của {meta['issuer']}; trong quá trình thực hiện nếu có khó khăn, vướng mắc, các cơ quan, "
             "đơn vị kịp thời báo cáo để xem xét, chỉ đạo./."]
    for line in body:
        if line == "@TABLES":
            for flow, text in inline or []:
                out += flow
                printed += text
            continue
        out.append(para(line[1:], st["head"]) if line.startswith("#") else para(line, st["body"]))
        printed.append(line.lstrip("#"))
    sig = [para("\n".join(meta.get("signature") or signature_title(prof)), st["sig"]), Spacer(1, 24 * mm)]
    if meta["signer"]:
        sig.append(para(meta["signer"], st["sig"]))
    recv = [para("Nơi nhận:", st["small"], bold=True),
            para(f"- UBND tỉnh {meta['province'] or ''} (b/c);\n- TT. Đảng ủy, HĐND {t} (b/c);\n"
                 f"- CT, các PCT UBND {t};\n- Như trên;\n- Lưu: VT.", st["small"])]
    block = Table([[recv, sig]], colWidths=[80 * mm, 80 * mm])
    block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    out += [Spacer(1, 4 * mm), KeepTogether(block)]
    return out, printed


class ClosedTable(Table):
    """A Table that rules both halves of a row split across a page break, as word processors do."""

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2:
            first = parts[1].repeatRows if isinstance(parts[1].repeatRows, int) else len(parts[1].repeatRows)
            parts[0].setStyle([("LINEBELOW", (0, -1), (-1, -1), 0.6, colors.black)])
            parts[1].setStyle([("LINEABOVE", (0, first), (-1, first), 0.6, colors.black)])
        return parts


def column_widths(layout, prof):
    """Column widths in mm: as laid out for landscape, or narrowed to a portrait page (160 mm)
    with narrow columns kept wide enough for "STT" and short units, as a word processor would."""
    widths = [w for _, _, w in layout]
    if not prof.get("portrait"):
        return widths
    floor = 13.0
    narrow = [w <= 20 for w in widths]
    room = 160 - floor * sum(narrow)
    wide_total = sum(w for w, n in zip(widths, narrow, strict=True) if not n)
    return [floor if n else w * room / wide_total for w, n in zip(widths, narrow, strict=True)]


def appendix(meta, prof, st, roman, table, layout, rows, total, heading=None):
    """Flowables of one appendix: caption and the table; with `heading`, a table set in the body under it."""
    caption = CAPTIONS[prof.get("captions", 0)][table]
    sym = prof["symbol"]
    sep = "-" if prof.get("party") else "/"
    num = f"{meta['number']}{sep}{sym}" if meta["number"] else f"{'&nbsp;' * 8}{sep}{sym}"
    by = meta["issuer"].replace("Ủy ban nhân dân", "UBND")
    out = [Paragraph(f"<b>Phụ lục {roman}</b>", st["cap"]), Paragraph(f"<b>{caption}</b>", st["cap"]),
           Paragraph(f"(Kèm theo Kế hoạch số {num} của {by})", st["cap"]), Spacer(1, 4 * mm)]
    if heading:
        out = [para(heading, st["head"]), Spacer(1, 2 * mm)]
    printed = []
    if table == "budget":
        out.append(Paragraph("Đơn vị tính: triệu đồng", st["right"]))
    fields = [f for f, _, _ in layout]
    ncol = len(fields)
    rules = prof.get("rules", "grid")
    ruling = {"grid": [("GRID", (0, 0), (-1, -1), 0.6, colors.black)],
              "hlines": [("LINEABOVE", (0, 0), (-1, 0), 0.6, colors.black),
                         ("LINEBELOW", (0, 0), (-1, -1), 0.6, colors.black)],
              "none": [],
              "columns": [("BOX", (0, 0), (-1, -1), 0.6, colors.black), ("LINEAFTER", (0, 0), (-2, -1), 0.6, colors.black),
                          ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black)],
              "banded": [("ROWBACKGROUNDS", (0, 0), (-1, -1), [colors.HexColor("#E4E4E4"), colors.white])]}[rules]
    style = ruling + [("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
             ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    if prof.get("header2") and table == "tasks":   # two header rows: "Đơn vị thực hiện" over Chủ trì | Phối hợp
        top = [para(h, st["th"]) if f not in ("lead", "coord") else "" for f, h, _ in layout]
        top[fields.index("lead")] = para("Đơn vị thực hiện", st["th"])
        sub = [para(h, st["th"]) if f in ("lead", "coord") else "" for f, h, _ in layout]
        data = [top, sub]
        for c, f in enumerate(fields):
            if f not in ("lead", "coord"):
                style.append(("SPAN", (c, 0), (c, 1)))
        style.append(("SPAN", (fields.index("lead"), 0), (fields.index("coord"), 0)))
    else:
        data = [[para(h, st["th"]) for _, h, _ in layout]]
    head_rows = len(data)
    if prof.get("colnums"):
        data.append([para(f"({i + 1})", st["tdc"]) for i in range(ncol)])
    for row in rows:
        r = len(data)
        if "group" in row:
            data.append([para(row["group"], st["tdc"], bold=True), para(row["title"], st["td"], bold=True)]
                        + [""] * (ncol - 2))
            style.append(("SPAN", (1, r), (-1, r)))
            printed.append(row["title"])
            continue
        cells = []
        for f in fields:
            if f == "stt":
                cells.append(para(row["stt"], st["tdc"]))
            elif f == "amount":
                cells.append(para(vn_number(row["amount"]), st["tdr"]))
            else:
                text = "\n".join(lines(row.get(f)))
                cells.append(para(text, st["tdc"] if f in ("unit", "result", "deadline") and row["kind"] == "indicator"
                                  else st["td"]))
                printed.append(text)
        data.append(cells)
    if total is not None:
        label = [""] * ncol
        label[fields.index("name")] = para("Tổng cộng", st["td"], bold=True)
        label[fields.index("amount")] = para(vn_number(total), st["tdr"], bold=True)
        data.append(label)
    if prof["split"]:   # top-aligned cells split cleanly across pages
        style.append(("VALIGN", (0, head_rows), (-1, -1), "TOP"))
    repeat = head_rows if prof["repeat"] else 0
    kind = ClosedTable if rules in ("grid", "hlines") else Table
    tbl = kind(data, colWidths=[w * mm for w in column_widths(layout, prof)], style=TableStyle(style), repeatRows=repeat,
                splitInRow=24 if prof["split"] else 0, splitByRow=0 if prof["split"] else 1,
                hAlign="CENTER")
    out.append(tbl)
    return out, printed


def render(path, meta, prof, tables):
    """Write the PDF; returns the full printed text (for reference detection)."""
    st = styles(prof["font"], prof["tfont"], 9 if prof.get("portrait") else 10)

    def page_number(canvas, doc):
        if canvas.getPageNumber() > 1:
            w, h = canvas._pagesize
            canvas.setFont(prof["font"], 11)
            canvas.drawCentredString(w / 2, h - 10 * mm, str(canvas.getPageNumber()))

    pw, ph = A4
    lw, lh = landscape(A4)
    portrait = Frame(30 * mm, 20 * mm, pw - 50 * mm, ph - 40 * mm, 0, 0, 0, 0, id="p")
    land = Frame(15 * mm, 14 * mm, lw - 30 * mm, lh - 32 * mm, 0, 0, 0, 0, id="l")
    doc = BaseDocTemplate(str(path), pagesize=A4, invariant=1, title=f"Kế hoạch {meta['t']} {meta['name']}",
                          author="make_samples.py", subject="synthetic sample", creator="make_samples.py")
    doc.addPageTemplates([PageTemplate("portrait", [portrait], onPage=page_number, pagesize=A4),
                          PageTemplate("landscape", [land], onPage=page_number, pagesize=landscape(A4))])
    if prof.get("inline"):  # the tables in the body, no appendices
        flows = [appendix(meta, prof, st, None, table, layout, rows, total,
                          heading=f"{k + 1}. {CAPTIONS[prof.get('captions', 0)][table].capitalize()}")
                 for k, (table, layout, rows, total) in enumerate(tables)]
        story, printed = first_part(meta, prof, st, inline=flows)
        doc.build(story)
        return "\n".join(printed)
    story, printed = first_part(meta, prof, st)
    for i, (table, layout, rows, total) in enumerate(tables):
        story += [NextPageTemplate("portrait" if prof.get("portrait") else "landscape"), PageBreak()]
        flow, text = appendix(meta, prof, st, ("I", "II", "III")[i], table, layout, rows, total)
        story += flow
        printed += text
    doc.build(story)
    return "\n".join(printed)


def nfc(obj):
    """NFC-normalise every string in a JSON-like structure."""
    if isinstance(obj, str):
        return unicodedata.normalize("NFC", obj)
    if isinstance(obj, list):
        return [nfc(x) for x in obj]
    if isinstance(obj, dict):
        return {k: nfc(v) for k, v in obj.items()}
    return obj


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "samples"))
    ap.add_argument("--seed", type=int, default=57)
    ap.add_argument("--count", type=int, default=4)
    ap.add_argument("--set", choices=["samples", "stress"], default="samples",
                    help="samples: the four bundled profiles; stress: held-out layouts for robustness checks")
    args = ap.parse_args()
    profiles, prefix = (STRESS_PROFILES, "stress") if args.set == "stress" else (PROFILES, "sample")
    out = Path(args.out)
    (out / "keys").mkdir(parents=True, exist_ok=True)
    (out / "pdf").mkdir(parents=True, exist_ok=True)
    register_fonts()
    names = {t: random.Random(args.seed).sample(v, len(v)) for t, v in COMMUNES.items()}  # distinct per type
    for i in range(args.count):
        stem = f"{prefix}_{i + 1:02d}"
        prof = profiles[i % len(profiles)]
        rng = random.Random(args.seed * 1000 + i)
        pool = names[prof["admin"]]
        meta, tables, key = build_document(rng, prof, stem, pool[(i // 2) % len(pool)])
        meta["sections"] = ", ".join(f"Phụ lục {r}" for r in ("I", "II", "III")[:len(tables)][:2])
        printed = render(out / "pdf" / f"{stem}.pdf", meta, prof, tables)
        catalogue = references_catalogue(meta)
        key["document"]["references"] = find_references(printed, catalogue)
        key = nfc(key)
        (out / "keys" / f"{stem}.json").write_text(json.dumps(key, ensure_ascii=False, indent=2) + "\n",
                                                   encoding="utf-8")
        print(f"{stem}: {len(key['items'])} items -> {out / 'pdf' / (stem + '.pdf')}")


if __name__ == "__main__":
    main()
