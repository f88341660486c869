"""The words around names: honorifics, roles and offices, institutions.

They tell a person from an office (`Ministry of Foreign Affairs` is an organisation),
a role from the name it goes with (`Soviet Ambassador in China Apollon Petrov`,
`Mir Bagirov CC Secretary of …`), and a title from a name (`Comrade`, `тов.`).
"""

from __future__ import annotations

import re

HONORIFIC = re.compile(
    r"^(?:Cdes?\.|Comrades?|Comrs?\.|Com\.|Tov\.|Mr\.|Mrs\.|Ms\.|Messrs\.|Herr[n]?|Frau"
    r"|Тов\.|тов\.|Товарищ[уи]?|товарищ[уи]?|Genossen?)\s+"
)
ROLE_WORDS = (
    "Ambassador", "Chargé", "Charge", "Envoy", "Consul", "Consul-General", "Counselor",
    "Counsellor", "Attaché", "Minister", "Deputy", "Vice", "Secretary", "Chairman",
    "Chairwoman", "President", "Vice-President", "Premier", "Prime", "Chancellor",
    "Bundeskanzler", "Head", "Chief", "Director", "Commander", "Commander-in-Chief",
    "General", "Marshal", "Colonel", "Major", "Admiral", "Lieutenant", "Captain", "Leader",
    "Representative", "Delegate", "Advisor", "Adviser", "Member", "Official", "Governor",
    "King", "Shah", "Emperor", "Queen", "Prince", "Editor", "Correspondent", "Interpreter",
    "Referatsleiter", "Staatssekretär", "Посол", "Министр", "Председатель", "Секретарь",
)  # fmt: skip
ROLE_WORD = re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in ROLE_WORDS)})\b")
# Adjectives and acronyms that open a role ('Soviet Ambassador', 'USSR Ambassador')
ROLE_QUALIFIER = re.compile(
    r"^(?:Soviet|Chinese|Korean|North Korean|South Korean|Hungarian|Polish|Czechoslovak|"
    r"Romanian|Bulgarian|East German|German|American|British|French|Indian|Irish|Cuban|"
    r"Vietnamese|Mongolian|Japanese|Iranian|Afghan|Yugoslav|Albanian|USSR|PRC|DPRK|GDR|US|"
    r"UK|CC|CPSU|CCP|KWP)$"
)
ORG_WORD = re.compile(
    r"\b(?:Ministry|Embassy|Committee|Politburo|Politbureau|Presidium|Department|Government"
    r"|Council|Office|Secretariat|Cent(?:er|re)|Headquarters|Command|Mission|Delegation"
    r"|Legation|Consulate|Bureau|Agency|Party|Army|Front|Directorate|Administration|Staff"
    r"|League|Federation|Assembly|Congress|Commission|Section|Division|Comintern|Cominform"
    r"|МИД|ЦК|Ministerium|Botschaft|Auswärtiges Amt)\b"
)
ORG_ACRONYM = re.compile(
    r"^(?:MFA|MID|CC|CPSU|CCP|CPC|KWP|SED|PZPR|VKP\(b\)|UN|UNGA|KGB|NKVD|TASS)$"
)
# Words of an institution's name, never a person's given name ('External Affairs Frank Aiken')
INSTITUTION_WORD = re.compile(
    r"^(?:Affairs|Government|Republic|Party|Committee|Ministry|Department|Union|States"
    r"|Council|Army|Assembly|Office|Politburo|Embassy|Delegation|People's|Peoples|Central"
    r"|Foreign|External|Internal|Security|Defense|Defence|Trade|Nations|Staff|Command"
    r"|Headquarters|Directorate|Administration|Secretariat|Bureau|Section|Division|Mission)$"
)
PREPOSITION = {"in", "of", "to", "for", "at", "the", "on", "with", "and", "from"}
# Surnames that stand first in a name (Chinese, Korean, Vietnamese): 'Liu Shaoqi' is Liu's,
# 'Kim Il Sung' Kim's; such a name is kept whole where a surname alone is wanted.
EAST_ASIAN_SURNAMES = frozenset({
    "mao", "zhou", "liu", "zhu", "ren", "gao", "deng", "peng", "chen", "lin", "li", "wang",
    "zhang", "huang", "yang", "zhao", "wu", "sun", "xu", "hu", "guo", "he", "luo", "song",
    "zheng", "xie", "han", "tang", "feng", "dong", "ye", "cheng", "cai", "pan", "du", "dai",
    "xia", "zhong", "tian", "jiang", "fan", "fu", "shi", "yao", "tan", "liao", "zou", "xiong",
    "jin", "lu", "hao", "kong", "bai", "cui", "kang", "mo", "qiu", "qin", "gu", "hou",
    "shao", "meng", "long", "wan", "duan", "qian", "yin", "yi", "chang", "wen", "rao",
    "nie", "ke", "bo", "jia", "ding", "shen", "xiao", "rong", "kim", "pak", "park", "choe",
    "choi", "ri", "ho", "le", "pham", "nguyen", "tran", "vo", "vu", "do", "dang", "bui",
    "ngo", "duong", "truong", "dinh", "ly", "hoang", "phan", "xuan",
})  # fmt: skip
