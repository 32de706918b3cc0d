"""Demo legal library: a labour code, its guiding decree and circulars, an amending decree, a union
regulation, eight topics and a dozen Q&A scenarios citing articles; English for the decree and two
scenarios.

Every text was written for this project in the shape of Vietnamese labour law: it is not the text of
any real document. Safe to run again: nothing is added once the library exists.
"""

import datetime

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale

from demo.translation import translate
from folding import fold_vietnamese
from home.models import HomePage
from legal_library.importer import parse, save_structure
from legal_library.models import (
    ArticleAmendment,
    DocumentType,
    LegalDocumentPage,
    LegalField,
    LegalLibraryPage,
    LegalQAPage,
    LegalRelation,
    LegalTopicPage,
    QACitation,
    RelationKind,
)

ORDER = 60
SLUG = "thu-vien-phap-luat"
NOTE = "Văn bản mẫu viết cho cổng thông tin trình diễn, không phải văn bản pháp luật chính thức."

DOCUMENT_TYPES = [
    ("law", "Luật", "Law"),
    ("code", "Bộ luật", "Code"),
    ("ordinance", "Pháp lệnh", "Ordinance"),
    ("decree", "Nghị định", "Decree"),
    ("circular", "Thông tư", "Circular"),
    ("resolution", "Nghị quyết", "Resolution"),
    ("decision", "Quyết định", "Decision"),
    ("directive", "Chỉ thị", "Directive"),
    ("guidance", "Hướng dẫn", "Guidance"),
    ("union-regulation", "Quy định của Công đoàn", "Union regulation"),
]
FIELDS = [
    ("labour", "Lao động – Tiền lương", "Labour and wages"),
    ("social-insurance", "Bảo hiểm xã hội", "Social insurance"),
    ("trade-unions", "Công đoàn", "Trade unions"),
    ("safety", "An toàn, vệ sinh lao động", "Occupational safety and health"),
]
TOPICS = [
    ("tien-luong", "Tiền lương", "Lương tối thiểu, trả lương, thưởng."),
    ("thoi-gio-lam-viec", "Thời giờ làm việc, nghỉ ngơi", "Giờ làm, làm thêm giờ, nghỉ phép."),
    ("bao-hiem-xa-hoi", "Bảo hiểm xã hội", "Đóng và hưởng bảo hiểm xã hội."),
    ("cham-dut-hop-dong", "Chấm dứt hợp đồng, sa thải", "Nghỉ việc, cho thôi việc, kỷ luật sa thải."),
    ("an-toan-lao-dong", "An toàn, vệ sinh lao động", "Điều kiện làm việc an toàn, tai nạn lao động."),
    ("quyen-cong-doan", "Quyền công đoàn", "Thành lập, gia nhập và hoạt động công đoàn."),
    ("lao-dong-nu", "Lao động nữ", "Thai sản, nuôi con nhỏ, bình đẳng giới."),
    ("lao-dong-di-cu", "Lao động di cư", "Người lao động làm việc xa quê."),
]

# Articles of the code: (chapter heading or None, article heading, lines of the body).
CODE_ARTICLES = [
    (
        "NHỮNG QUY ĐỊNH CHUNG",
        "Phạm vi điều chỉnh",
        ["Bộ luật này quy định tiêu chuẩn lao động mẫu dùng cho cổng thông tin trình diễn."],
    ),
    (
        None,
        "Đối tượng áp dụng",
        [
            "1. Người lao động làm việc theo hợp đồng lao động.",
            "2. Người sử dụng lao động.",
            "3. Tổ chức đại diện người lao động tại cơ sở.",
        ],
    ),
    (
        None,
        "Giải thích từ ngữ",
        [
            "Trong Bộ luật này, người lao động là người làm việc cho người sử dụng lao động theo thỏa thuận, được trả lương."
        ],
    ),
    (
        None,
        "Chính sách của Nhà nước về lao động",
        [
            "Nhà nước bảo đảm quyền, lợi ích hợp pháp của người lao động và khuyến khích quan hệ lao động hài hòa."
        ],
    ),
    (
        None,
        "Quyền của người lao động",
        [
            "1. Làm việc, tự do lựa chọn việc làm, nơi làm việc.",
            "2. Hưởng lương phù hợp với trình độ và kết quả công việc.",
            "3. Thành lập, gia nhập, hoạt động công đoàn.",
        ],
    ),
    (
        None,
        "Nghĩa vụ của người lao động",
        [
            "1. Thực hiện hợp đồng lao động và thỏa ước lao động tập thể.",
            "2. Chấp hành kỷ luật lao động và nội quy lao động.",
        ],
    ),
    (
        None,
        "Quyền của người sử dụng lao động",
        ["Tuyển dụng, bố trí, quản lý, điều hành, giám sát lao động theo quy định."],
    ),
    (
        None,
        "Các hành vi bị nghiêm cấm",
        [
            "1. Phân biệt đối xử trong lao động.",
            "2. Cưỡng bức lao động, quấy rối tình dục tại nơi làm việc.",
            "3. Giữ bản chính giấy tờ tùy thân của người lao động.",
        ],
    ),
    (
        "VIỆC LÀM",
        "Việc làm, giải quyết việc làm",
        ["Việc làm là hoạt động lao động tạo ra thu nhập mà pháp luật không cấm."],
    ),
    (
        None,
        "Quyền làm việc của người lao động",
        ["Người lao động được trực tiếp liên hệ với người sử dụng lao động để tìm việc làm."],
    ),
    (
        None,
        "Tuyển dụng lao động",
        ["Người sử dụng lao động có quyền trực tiếp hoặc thông qua tổ chức dịch vụ việc làm để tuyển dụng."],
    ),
    (
        None,
        "Trách nhiệm của Nhà nước về việc làm",
        ["Nhà nước hỗ trợ đào tạo nghề và thông tin thị trường lao động."],
    ),
    (
        "HỢP ĐỒNG LAO ĐỘNG",
        "Hợp đồng lao động",
        [
            "1. Hợp đồng lao động là sự thỏa thuận về việc làm có trả lương, điều kiện lao động, quyền và nghĩa vụ mỗi bên.",
            "2. Trường hợp hai bên thỏa thuận bằng tên gọi khác nhưng có nội dung về việc làm có trả lương và sự quản lý của một bên thì coi là hợp đồng lao động.",
        ],
    ),
    (
        None,
        "Hình thức hợp đồng lao động",
        [
            "1. Hợp đồng lao động được giao kết bằng văn bản, làm thành 02 bản.",
            "2. Hợp đồng dưới 01 tháng có thể giao kết bằng lời nói.",
        ],
    ),
    (
        None,
        "Nguyên tắc giao kết hợp đồng lao động",
        ["Tự nguyện, bình đẳng, thiện chí, hợp tác và trung thực."],
    ),
    (
        None,
        "Nghĩa vụ cung cấp thông tin",
        ["Hai bên cung cấp cho nhau thông tin trung thực về công việc, tiền lương, sức khỏe và trình độ."],
    ),
    (
        None,
        "Hành vi người sử dụng lao động không được làm",
        [
            "1. Giữ bản chính giấy tờ tùy thân, văn bằng của người lao động.",
            "2. Yêu cầu người lao động đặt cọc bằng tiền hoặc tài sản.",
        ],
    ),
    (
        None,
        "Thẩm quyền giao kết hợp đồng lao động",
        ["Người lao động từ đủ 18 tuổi trực tiếp giao kết hợp đồng lao động."],
    ),
    (
        None,
        "Giao kết nhiều hợp đồng lao động",
        ["Người lao động có thể giao kết nhiều hợp đồng với nhiều người sử dụng lao động."],
    ),
    (
        None,
        "Loại hợp đồng lao động",
        ["1. Hợp đồng không xác định thời hạn.", "2. Hợp đồng xác định thời hạn không quá 36 tháng."],
    ),
    (
        None,
        "Nội dung hợp đồng lao động",
        ["Công việc, địa điểm, thời hạn, mức lương, chế độ nâng lương, thời giờ làm việc, bảo hiểm xã hội."],
    ),
    (None, "Phụ lục hợp đồng lao động", ["Phụ lục hợp đồng lao động là một bộ phận của hợp đồng lao động."]),
    (
        None,
        "Thông tin về lao động",
        ["Người sử dụng lao động khai trình việc sử dụng lao động với cơ quan chuyên môn."],
    ),
    (
        None,
        "Thử việc",
        [
            "1. Hai bên có thể thỏa thuận nội dung thử việc.",
            "2. Không áp dụng thử việc với hợp đồng dưới 01 tháng.",
        ],
    ),
    (
        None,
        "Thời gian thử việc",
        [
            "1. Không quá 60 ngày với công việc cần trình độ cao đẳng trở lên.",
            "2. Không quá 30 ngày với công việc cần trình độ trung cấp.",
            "3. Không quá 06 ngày làm việc với công việc khác.",
        ],
    ),
    (None, "Tiền lương thử việc", ["Tiền lương thử việc ít nhất bằng 85% mức lương của công việc đó."]),
    (
        None,
        "Kết thúc thời gian thử việc",
        ["Khi thử việc đạt yêu cầu, người sử dụng lao động tiếp tục thực hiện hợp đồng đã giao kết."],
    ),
    (
        None,
        "Thực hiện công việc theo hợp đồng",
        ["Công việc do chính người lao động đã giao kết hợp đồng thực hiện."],
    ),
    (
        None,
        "Chuyển người lao động làm công việc khác",
        [
            "Khi gặp khó khăn đột xuất, người sử dụng lao động được tạm thời chuyển người lao động làm công việc khác không quá 60 ngày làm việc cộng dồn trong 01 năm."
        ],
    ),
    (
        None,
        "Tạm hoãn thực hiện hợp đồng lao động",
        [
            "1. Người lao động thực hiện nghĩa vụ quân sự.",
            "2. Lao động nữ mang thai nghỉ theo chỉ định của cơ sở khám bệnh, chữa bệnh.",
        ],
    ),
    (
        None,
        "Nhận lại người lao động hết thời hạn tạm hoãn",
        ["Trong 15 ngày kể từ ngày hết thời hạn tạm hoãn, người lao động phải có mặt tại nơi làm việc."],
    ),
    (
        None,
        "Làm việc không trọn thời gian",
        [
            "Người lao động có thời giờ làm việc ngắn hơn thời giờ làm việc bình thường theo ngày, tuần hoặc tháng."
        ],
    ),
    (
        None,
        "Sửa đổi, bổ sung hợp đồng lao động",
        ["Bên có yêu cầu phải báo cho bên kia trước ít nhất 03 ngày làm việc."],
    ),
    (
        None,
        "Các trường hợp chấm dứt hợp đồng lao động",
        [
            "1. Hết hạn hợp đồng lao động.",
            "2. Đã hoàn thành công việc theo hợp đồng.",
            "3. Hai bên thỏa thuận chấm dứt hợp đồng.",
        ],
    ),
    (
        None,
        "Quyền đơn phương chấm dứt hợp đồng lao động của người lao động",
        [
            "1. Người lao động có quyền đơn phương chấm dứt hợp đồng lao động nhưng phải báo trước cho người sử dụng lao động như sau:",
            "a) Ít nhất 45 ngày nếu làm việc theo hợp đồng không xác định thời hạn;",
            "b) Ít nhất 30 ngày nếu làm việc theo hợp đồng xác định thời hạn từ 12 tháng đến 36 tháng;",
            "c) Ít nhất 03 ngày làm việc nếu làm việc theo hợp đồng dưới 12 tháng.",
            "2. Người lao động không cần báo trước khi:",
            "a) Không được trả đủ lương hoặc trả lương không đúng hạn;",
            "b) Bị ngược đãi, quấy rối tình dục tại nơi làm việc;",
            "c) Lao động nữ mang thai phải nghỉ việc theo chỉ định của cơ sở khám bệnh, chữa bệnh.",
        ],
    ),
    (
        None,
        "Quyền đơn phương chấm dứt hợp đồng lao động của người sử dụng lao động",
        [
            "1. Người lao động thường xuyên không hoàn thành công việc theo quy chế đánh giá.",
            "2. Người lao động ốm đau đã điều trị 12 tháng liên tục mà chưa hồi phục.",
            "3. Người sử dụng lao động phải báo trước như thời hạn tại khoản 1 Điều 35.",
        ],
    ),
    (
        None,
        "Trường hợp không được đơn phương chấm dứt hợp đồng",
        [
            "1. Người lao động đang ốm đau, điều trị theo chỉ định của cơ sở khám bệnh, chữa bệnh.",
            "2. Lao động nữ mang thai, nghỉ thai sản, nuôi con dưới 12 tháng tuổi.",
        ],
    ),
    (
        None,
        "Trợ cấp thôi việc",
        [
            "Người sử dụng lao động trả trợ cấp thôi việc cho người đã làm việc thường xuyên từ đủ 12 tháng trở lên, mỗi năm làm việc được nửa tháng tiền lương."
        ],
    ),
    (
        None,
        "Trợ cấp mất việc làm",
        [
            "Người lao động mất việc làm vì lý do kinh tế được trả trợ cấp, mỗi năm làm việc 01 tháng tiền lương nhưng ít nhất bằng 02 tháng tiền lương."
        ],
    ),
    (
        None,
        "Trách nhiệm khi chấm dứt hợp đồng lao động",
        [
            "Trong 14 ngày làm việc kể từ ngày chấm dứt hợp đồng, hai bên thanh toán đầy đủ các khoản tiền liên quan; người sử dụng lao động trả lại giấy tờ đã giữ."
        ],
    ),
]

CHAPTER_NUMERALS = ["I", "II", "III", "IV", "V"]

DECREE_TEXT = """Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định chi tiết một số điều của Bộ luật Lao động mẫu về hợp đồng lao động.
Điều 2. Đối tượng áp dụng
Người lao động, người sử dụng lao động và tổ chức đại diện người lao động tại cơ sở.
Chương II
HỢP ĐỒNG LAO ĐỘNG
Điều 3. Thông báo chấm dứt hợp đồng
1. Việc báo trước được thực hiện bằng văn bản hoặc thông điệp dữ liệu.
2. Thời hạn báo trước tính theo ngày làm việc của người nhận.
Điều 4. Thanh toán khi chấm dứt hợp đồng
Tiền lương, trợ cấp được trả một lần vào tài khoản của người lao động.
Điều 5. Hiệu lực thi hành
Nghị định này có hiệu lực từ ngày 01 tháng 02 năm 2021.
"""
DECREE_TEXT_EN = """Chapter I
GENERAL PROVISIONS
Article 1. Scope
This decree details certain articles of the Model Labour Code on labour contracts.
Article 2. Persons covered
Workers, employers and representative organisations of workers at the workplace.
Chapter II
LABOUR CONTRACTS
Article 3. Notice of termination
1. Notice is given in writing or as a data message.
2. The notice period is counted in the recipient's working days.
Article 4. Payment on termination
Wages and allowances are paid at once into the worker's account.
Article 5. Entry into force
This decree takes effect on 1 February 2021.
"""
AMENDING_TEXT = """Điều 1. Sửa đổi Điều 35 Bộ luật Lao động mẫu
Thời hạn báo trước với hợp đồng không xác định thời hạn giảm còn ít nhất 40 ngày.
Điều 2. Bãi bỏ Điều 4 Nghị định hướng dẫn
Việc thanh toán thực hiện theo Điều 40 Bộ luật Lao động mẫu.
Điều 3. Hiệu lực thi hành
Nghị định này có hiệu lực từ ngày 01 tháng 7 năm 2024.
"""
AMENDED_35 = (
    "1. Người lao động có quyền đơn phương chấm dứt hợp đồng lao động nhưng phải báo trước cho người sử dụng lao động như sau:\n"
    "a) Ít nhất 40 ngày nếu làm việc theo hợp đồng không xác định thời hạn;\n"
    "b) Ít nhất 30 ngày nếu làm việc theo hợp đồng xác định thời hạn từ 12 tháng đến 36 tháng;\n"
    "c) Ít nhất 03 ngày làm việc nếu làm việc theo hợp đồng dưới 12 tháng.\n"
    "2. Người lao động không cần báo trước khi không được trả đủ lương, bị ngược đãi, quấy rối tình dục, "
    "hoặc lao động nữ mang thai phải nghỉ việc theo chỉ định của cơ sở khám bệnh, chữa bệnh."
)
CIRCULAR_OLD_TEXT = """Điều 1. Mẫu hợp đồng lao động
Người sử dụng lao động dùng mẫu hợp đồng tại Phụ lục kèm theo Thông tư này.
Điều 2. Hiệu lực
Thông tư này có hiệu lực từ ngày 01 tháng 3 năm 2021.
"""
CIRCULAR_NEW_TEXT = """Điều 1. Mẫu hợp đồng lao động điện tử
1. Hợp đồng lao động có thể giao kết bằng phương tiện điện tử.
2. Người lao động được nhận bản hợp đồng điện tử có chữ ký số.
Điều 2. Hiệu lực
Thông tư này có hiệu lực từ ngày 01 tháng 9 năm 2023 và thay thế Thông tư hướng dẫn mẫu hợp đồng năm 2021.
"""
UNION_TEXT = """Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi
Quy định này hướng dẫn công đoàn các cấp tư vấn pháp luật miễn phí cho đoàn viên.
Chương II
TƯ VẤN PHÁP LUẬT
Điều 2. Hình thức tư vấn
1. Tư vấn trực tiếp tại trụ sở công đoàn.
2. Tư vấn qua điện thoại, cổng thông tin và ứng dụng.
Điều 3. Đại diện người lao động
Công đoàn cơ sở đại diện người lao động khi có tranh chấp lao động nếu được ủy quyền.
"""

# slug, type, title, number, issuing body, signer, issued, effective, fields, topics, text, summary
DOCUMENTS = [
    (
        "bo-luat-lao-dong-2019",
        "code",
        "Bộ luật Lao động",
        "45/2019/QH14",
        "Quốc hội",
        "Chủ tịch Quốc hội",
        datetime.date(2019, 11, 20),
        datetime.date(2021, 1, 1),
        ["labour"],
        ["tien-luong", "thoi-gio-lam-viec", "cham-dut-hop-dong", "lao-dong-nu", "lao-dong-di-cu"],
        None,
        "Tiêu chuẩn lao động, quyền và nghĩa vụ của người lao động và người sử dụng lao động.",
    ),
    (
        "nghi-dinh-huong-dan-hop-dong",
        "decree",
        "Nghị định quy định chi tiết Bộ luật Lao động về hợp đồng lao động",
        "12/2020/NĐ-CP",
        "Chính phủ",
        "Thủ tướng Chính phủ",
        datetime.date(2020, 12, 14),
        datetime.date(2021, 2, 1),
        ["labour"],
        ["cham-dut-hop-dong"],
        DECREE_TEXT,
        "Hướng dẫn việc báo trước và thanh toán khi chấm dứt hợp đồng lao động.",
    ),
    (
        "nghi-dinh-sua-doi-2024",
        "decree",
        "Nghị định sửa đổi, bổ sung quy định về chấm dứt hợp đồng lao động",
        "20/2024/NĐ-CP",
        "Chính phủ",
        "Thủ tướng Chính phủ",
        datetime.date(2024, 5, 10),
        datetime.date(2024, 7, 1),
        ["labour"],
        ["cham-dut-hop-dong"],
        AMENDING_TEXT,
        "Rút ngắn thời hạn báo trước và bãi bỏ một điều của nghị định hướng dẫn.",
    ),
    (
        "thong-tu-mau-hop-dong-2021",
        "circular",
        "Thông tư hướng dẫn mẫu hợp đồng lao động",
        "10/2020/TT-BLĐTBXH",
        "Bộ Lao động – Thương binh và Xã hội",
        "Bộ trưởng",
        datetime.date(2020, 12, 30),
        datetime.date(2021, 3, 1),
        ["labour"],
        [],
        CIRCULAR_OLD_TEXT,
        "Mẫu hợp đồng lao động bằng văn bản.",
    ),
    (
        "thong-tu-hop-dong-dien-tu-2023",
        "circular",
        "Thông tư hướng dẫn hợp đồng lao động điện tử",
        "05/2023/TT-BLĐTBXH",
        "Bộ Lao động – Thương binh và Xã hội",
        "Bộ trưởng",
        datetime.date(2023, 7, 15),
        datetime.date(2023, 9, 1),
        ["labour"],
        [],
        CIRCULAR_NEW_TEXT,
        "Giao kết hợp đồng lao động bằng phương tiện điện tử.",
    ),
    (
        "quy-dinh-tu-van-phap-luat",
        "union-regulation",
        "Quy định về tư vấn pháp luật cho đoàn viên",
        "01/QĐ-TLĐ",
        "Đoàn Chủ tịch Tổng Liên đoàn",
        "Chủ tịch",
        datetime.date(2022, 3, 1),
        datetime.date(2022, 3, 1),
        ["trade-unions"],
        ["quyen-cong-doan", "lao-dong-di-cu"],
        UNION_TEXT,
        "Tư vấn pháp luật miễn phí của công đoàn các cấp cho đoàn viên.",
    ),
]

# (topic, title, situation, question, answer, [(document slug, article, clause)])
SCENARIOS = [
    (
        "cham-dut-hop-dong",
        "Nghỉ việc phải báo trước bao lâu?",
        "Tôi làm công nhân may, hợp đồng không xác định thời hạn, muốn nghỉ để về quê.",
        "Tôi phải báo trước cho công ty bao nhiêu ngày?",
        "<p>Với hợp đồng không xác định thời hạn, bạn báo trước bằng văn bản theo thời hạn tại khoản 1 Điều 35 (từ 01/7/2024 là ít nhất 40 ngày).</p>",
        [("bo-luat-lao-dong-2019", 35, 1), ("nghi-dinh-huong-dan-hop-dong", 3, 1)],
    ),
    (
        "cham-dut-hop-dong",
        "Bị nợ lương có được nghỉ ngay?",
        "Công ty chậm trả lương ba tháng liền.",
        "Tôi có được nghỉ việc ngay mà không báo trước không?",
        "<p>Có. Khi không được trả đủ lương hoặc trả không đúng hạn, bạn được nghỉ không cần báo trước.</p>",
        [("bo-luat-lao-dong-2019", 35, 2)],
    ),
    (
        "lao-dong-nu",
        "Mang thai có bị cho nghỉ việc?",
        "Tôi đang mang thai tháng thứ tư, quản lý nói sẽ chấm dứt hợp đồng.",
        "Công ty có được đơn phương chấm dứt hợp đồng với tôi không?",
        "<p>Không. Người sử dụng lao động không được đơn phương chấm dứt hợp đồng với lao động nữ mang thai.</p>",
        [("bo-luat-lao-dong-2019", 37, 2)],
    ),
    (
        "tien-luong",
        "Lương thử việc bao nhiêu là đúng?",
        "Tôi được nhận thử việc làm kế toán với lương bằng 70% lương chính thức.",
        "Mức lương thử việc này có đúng luật không?",
        "<p>Chưa đúng. Lương thử việc ít nhất bằng 85% mức lương của công việc đó.</p>",
        [("bo-luat-lao-dong-2019", 26, None)],
    ),
    (
        "tien-luong",
        "Thử việc kéo dài ba tháng",
        "Tôi là kỹ sư, công ty bắt thử việc ba tháng.",
        "Thời gian thử việc tối đa là bao lâu?",
        "<p>Với công việc cần trình độ cao đẳng trở lên, thử việc không quá 60 ngày.</p>",
        [("bo-luat-lao-dong-2019", 25, 1)],
    ),
    (
        "thoi-gio-lam-viec",
        "Bị chuyển sang việc khác",
        "Xưởng thiếu đơn hàng, tôi bị chuyển sang bốc xếp.",
        "Công ty được chuyển tôi làm việc khác bao lâu?",
        "<p>Tạm thời không quá 60 ngày làm việc cộng dồn trong một năm, trừ khi bạn đồng ý.</p>",
        [("bo-luat-lao-dong-2019", 29, None)],
    ),
    (
        "lao-dong-di-cu",
        "Công ty giữ căn cước của tôi",
        "Tôi từ Thanh Hóa vào Bình Dương làm việc, công ty giữ căn cước công dân bản gốc.",
        "Công ty có được giữ giấy tờ của tôi không?",
        "<p>Không. Người sử dụng lao động không được giữ bản chính giấy tờ tùy thân của người lao động.</p>",
        [("bo-luat-lao-dong-2019", 17, 1), ("bo-luat-lao-dong-2019", 8, 3)],
    ),
    (
        "lao-dong-di-cu",
        "Được công đoàn tư vấn miễn phí?",
        "Tôi làm xa quê, không biết hỏi ai về hợp đồng.",
        "Công đoàn có tư vấn pháp luật miễn phí cho tôi không?",
        "<p>Có. Công đoàn các cấp tư vấn miễn phí trực tiếp, qua điện thoại và cổng thông tin.</p>",
        [("quy-dinh-tu-van-phap-luat", 2, None)],
    ),
    (
        "quyen-cong-doan",
        "Có quyền vào công đoàn không?",
        "Công ty tôi mới thành lập công đoàn cơ sở.",
        "Tôi có quyền gia nhập công đoàn không?",
        "<p>Có. Người lao động có quyền thành lập, gia nhập và hoạt động công đoàn.</p>",
        [("bo-luat-lao-dong-2019", 5, 3)],
    ),
    (
        "bao-hiem-xa-hoi",
        "Hợp đồng phải ghi bảo hiểm xã hội?",
        "Hợp đồng của tôi không nhắc tới bảo hiểm xã hội.",
        "Hợp đồng lao động phải có những nội dung gì?",
        "<p>Hợp đồng phải có các nội dung chủ yếu, trong đó có bảo hiểm xã hội.</p>",
        [("bo-luat-lao-dong-2019", 21, None)],
    ),
    (
        "an-toan-lao-dong",
        "Bị quấy rối tại xưởng",
        "Tổ trưởng nhiều lần có lời lẽ, cử chỉ quấy rối tôi.",
        "Tôi có thể làm gì?",
        "<p>Quấy rối tình dục tại nơi làm việc bị nghiêm cấm; bạn có quyền nghỉ việc không cần báo trước và nhờ công đoàn hỗ trợ.</p>",
        [("bo-luat-lao-dong-2019", 8, 2), ("bo-luat-lao-dong-2019", 35, 2)],
    ),
    (
        "cham-dut-hop-dong",
        "Trợ cấp thôi việc tính thế nào?",
        "Tôi làm ở công ty năm năm và nghỉ theo thỏa thuận.",
        "Tôi có được trợ cấp thôi việc không?",
        "<p>Có, mỗi năm làm việc được nửa tháng tiền lương (trừ thời gian đã đóng bảo hiểm thất nghiệp).</p>",
        [("bo-luat-lao-dong-2019", 38, None)],
    ),
]

ENGLISH_SCENARIOS = {
    "Nghỉ việc phải báo trước bao lâu?": {
        "Nghỉ việc phải báo trước bao lâu?": "How much notice must I give before leaving?",
        "Tôi làm công nhân may, hợp đồng không xác định thời hạn, muốn nghỉ để về quê.": "I am a garment worker on an open-ended contract and want to leave to go back home.",
        "Tôi phải báo trước cho công ty bao nhiêu ngày?": "How many days' notice must I give the company?",
    },
    "Bị nợ lương có được nghỉ ngay?": {
        "Bị nợ lương có được nghỉ ngay?": "Can I leave at once if my wages are unpaid?",
        "Công ty chậm trả lương ba tháng liền.": "The company has paid wages late for three months in a row.",
        "Tôi có được nghỉ việc ngay mà không báo trước không?": "May I leave straight away without notice?",
    },
}


def _terms(model, rows, locale) -> dict:
    terms = {}
    for order, (slug, vi, en) in enumerate(rows):
        term, _created = model.objects.get_or_create(
            slug=slug, locale=locale, defaults={"name": vi, "sort_order": order}
        )
        translate(term, "en", {vi: en})
        terms[slug] = term
    return terms


def _code_text() -> str:
    lines = []
    chapter = 0
    for number, (chapter_heading, heading, body) in enumerate(CODE_ARTICLES, start=1):
        if chapter_heading:
            lines += [f"Chương {CHAPTER_NUMERALS[chapter]}", chapter_heading]
            chapter += 1
        lines.append(f"Điều {number}. {heading}")
        lines += body
    return "\n".join(lines)


def _structure(document: LegalDocumentPage, text: str) -> None:
    result = parse(text)
    if result.problems:
        raise RuntimeError(f"demo text of {document.slug}: {result.problems}")
    save_structure(document, result)


def load(context: dict) -> None:
    home = HomePage.objects.filter(locale__language_code="vi").first()
    if home is None or LegalLibraryPage.objects.filter(slug=SLUG).exists():
        return
    locale = home.locale
    types = _terms(DocumentType, DOCUMENT_TYPES, locale)
    fields = _terms(LegalField, FIELDS, locale)
    library = home.add_child(
        instance=LegalLibraryPage(
            title="Thư viện pháp luật",
            slug=SLUG,
            intro="<p>Văn bản pháp luật về lao động và công đoàn, tra cứu đến từng điều, và các tình huống hỏi đáp.</p>",
        )
    )
    library.save_revision().publish()
    topics = {}
    for slug, title, intro in TOPICS:
        topic = library.add_child(instance=LegalTopicPage(title=title, slug=slug, intro=intro))
        topic.save_revision().publish()
        topics[slug] = topic

    documents = {}
    for (
        slug,
        kind,
        title,
        number,
        body,
        signer,
        issued,
        effective,
        field_slugs,
        topic_slugs,
        text,
        summary,
    ) in DOCUMENTS:
        document = LegalDocumentPage(
            title=title,
            slug=slug,
            document_type=types[kind],
            number=number,
            issuing_body=body,
            signer=signer,
            date_issued=issued,
            date_effective=effective,
            summary=f"{summary}\n{NOTE}",
        )
        library.add_child(instance=document)
        document.fields_of_law.set([fields[s] for s in field_slugs])
        document.topics.set([topics[s] for s in topic_slugs])
        with transaction.atomic():
            _structure(document, text or _code_text())
        documents[slug] = document

    code, decree, amending = (
        documents["bo-luat-lao-dong-2019"],
        documents["nghi-dinh-huong-dan-hop-dong"],
        documents["nghi-dinh-sua-doi-2024"],
    )
    old_circular, new_circular = (
        documents["thong-tu-mau-hop-dong-2021"],
        documents["thong-tu-hop-dong-dien-tu-2023"],
    )
    LegalRelation.objects.create(document=decree, target=code, kind=RelationKind.GUIDES)
    LegalRelation.objects.create(document=old_circular, target=code, kind=RelationKind.GUIDES)
    LegalRelation.objects.create(document=new_circular, target=code, kind=RelationKind.GUIDES)
    LegalRelation.objects.create(document=new_circular, target=old_circular, kind=RelationKind.REPLACES)
    LegalRelation.objects.create(
        document=amending, target=code, kind=RelationKind.AMENDS, whole=False, articles="35"
    )
    LegalRelation.objects.create(
        document=amending, target=decree, kind=RelationKind.REPEALS, whole=False, articles="4"
    )
    ArticleAmendment.objects.create(document=amending, target=code, article=35, new_text=AMENDED_35)
    ArticleAmendment.objects.create(document=amending, target=decree, article=4, repeals=True)
    for document in documents.values():
        document.save_revision().publish()

    for topic_slug, title, situation, question, answer, citations in SCENARIOS:
        qa = LegalQAPage(
            title=title,
            slug=slugify(fold_vietnamese(title)),
            situation=situation,
            question=question,
            answer=answer,
            last_reviewed=datetime.date(2024, 3, 1)
            if title == SCENARIOS[0][1]
            else datetime.date(2024, 8, 1),
        )
        topics[topic_slug].add_child(instance=qa)
        for slug, article, clause in citations:
            QACitation.objects.create(page=qa, document=documents[slug], article=article, clause=clause)
        qa.save_revision().publish()
        if title in ENGLISH_SCENARIOS:
            _translate_scenario(qa, topics[topic_slug], library, home)

    _english_decree(decree, library, home)
    context["stdout"].write(
        f"Legal library: {library.url} ({len(documents)} documents, {len(SCENARIOS)} scenarios)"
    )


def _english_library(library: LegalLibraryPage, home: HomePage):
    if home.get_translation_or_none(Locale.objects.get(language_code="en")) is None:
        return None
    return translate(library, "en", {"Thư viện pháp luật": "Legal library"})


def _english_decree(decree: LegalDocumentPage, library: LegalLibraryPage, home: HomePage) -> None:
    if _english_library(library, home) is None:
        return
    english = translate(
        decree,
        "en",
        {
            decree.title: "Decree detailing the Labour Code on labour contracts",
            decree.summary: "Guidance on notice and payment when a labour contract ends.\n"
            "A sample written for the demonstration portal, not an official legal text.",
        },
    )
    with transaction.atomic():
        _structure(english, DECREE_TEXT_EN)


def _translate_scenario(
    qa: LegalQAPage, topic: LegalTopicPage, library: LegalLibraryPage, home: HomePage
) -> None:
    if _english_library(library, home) is None:
        return
    translate(
        topic,
        "en",
        {topic.title: {"cham-dut-hop-dong": "Ending a contract, dismissal"}.get(topic.slug, topic.title)},
    )
    translate(qa, "en", ENGLISH_SCENARIOS[qa.title])
