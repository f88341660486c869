<?xml version="1.0" encoding="UTF-8"?>
<!-- The interface language: every word the edition itself says (navigation, headings,
     labels, explanations, the print edition's front matter) is looked up in one catalogue,
     common/messages.xml (a key, then its text in each language), in the language of the
     edition ($edition-language: cablegram.toml [edition] language). A language the
     catalogue does not have is English; a key missing from the chosen language falls back
     to its English text. Adding a language is adding its element to every entry. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:param name="edition-language" select="'en'"/>

  <!-- (read relative to this stylesheet, so an edition's overrides find it too) -->
  <xsl:variable name="messages" select="document('messages.xml')/messages"/>
  <xsl:key name="message" match="msg" use="@key"/>

  <!-- The language the interface speaks: the edition's, when the catalogue has it. -->
  <xsl:variable name="ui-lang">
    <xsl:choose>
      <xsl:when test="$messages/msg[1]/*[local-name() = $edition-language]"><xsl:value-of select="$edition-language"/></xsl:when>
      <xsl:otherwise>en</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- A message: its text in the interface language, {1}, {2}, {3} replaced by p1, p2, p3.
       With `count`, the form of that number (en: one, other; ru: one, few, many), and {n}
       replaced by the number as the language writes it. An unknown key stops the
       transformation (a typo must not reach a page). -->
  <xsl:template name="msg">
    <xsl:param name="key"/>
    <xsl:param name="p1" select="''"/>
    <xsl:param name="p2" select="''"/>
    <xsl:param name="p3" select="''"/>
    <xsl:param name="count" select="''"/>
    <xsl:for-each select="$messages">
      <xsl:variable name="entry" select="key('message', $key)"/>
      <xsl:if test="not($entry)">
        <xsl:message terminate="yes">cablegram: no message "<xsl:value-of select="$key"/>" in common/messages.xml</xsl:message>
      </xsl:if>
      <xsl:variable name="own" select="$entry/*[local-name() = $ui-lang][normalize-space()]"/>
      <xsl:variable name="text" select="$own | $entry/en[not($own)]"/>
      <xsl:variable name="form">
        <xsl:choose>
          <xsl:when test="string($count) = ''"><xsl:value-of select="$text"/></xsl:when>
          <xsl:otherwise>
            <xsl:variable name="category"><xsl:call-template name="plural"><xsl:with-param name="n" select="$count"/><xsl:with-param name="lang" select="local-name($text)"/></xsl:call-template></xsl:variable>
            <xsl:value-of select="($text/*[local-name() = $category] | $text/other[not($text/*[local-name() = $category])])[1]"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="number"><xsl:if test="string($count) != ''"><xsl:call-template name="number"><xsl:with-param name="n" select="$count"/></xsl:call-template></xsl:if></xsl:variable>
      <xsl:call-template name="substitute">
        <xsl:with-param name="text" select="string($form)"/>
        <xsl:with-param name="values" select="concat('&#xE001;{1}', $p1, '&#xE001;{2}', $p2, '&#xE001;{3}', $p3, '&#xE001;{n}', $number, '&#xE001;')"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- A message that holds markup (the principles' paragraphs: <strong>, <em>), copied. -->
  <xsl:template name="msg-html">
    <xsl:param name="key"/>
    <xsl:for-each select="$messages">
      <xsl:variable name="entry" select="key('message', $key)"/>
      <xsl:if test="not($entry)">
        <xsl:message terminate="yes">cablegram: no message "<xsl:value-of select="$key"/>" in common/messages.xml</xsl:message>
      </xsl:if>
      <xsl:variable name="own" select="$entry/*[local-name() = $ui-lang][normalize-space()]"/>
      <xsl:copy-of select="($own | $entry/en[not($own)])/node()"/>
    </xsl:for-each>
  </xsl:template>

  <!-- A message whose key is made from the data (a date's or stamp's type, a language):
       `default` when the catalogue has no such key. -->
  <xsl:template name="msg-or">
    <xsl:param name="key"/>
    <xsl:param name="default"/>
    <xsl:param name="p1" select="''"/>
    <xsl:choose>
      <xsl:when test="$messages/msg[@key = $key]">
        <xsl:call-template name="msg"><xsl:with-param name="key" select="$key"/><xsl:with-param name="p1" select="$p1"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$default"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A language's name, for a language code: the header's name (`name`) in an English
       interface, the catalogue's (language.ru …) in another. -->
  <xsl:template name="language-name">
    <xsl:param name="ident"/>
    <xsl:param name="name"/>
    <xsl:choose>
      <xsl:when test="$ui-lang = 'en'"><xsl:value-of select="$name"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="msg-or">
          <xsl:with-param name="key" select="concat('language.', $ident)"/>
          <xsl:with-param name="default" select="$name"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The plural category of a number in a language (CLDR's rules for whole numbers). -->
  <xsl:template name="plural">
    <xsl:param name="n"/>
    <xsl:param name="lang" select="$ui-lang"/>
    <xsl:choose>
      <xsl:when test="$lang = 'ru'">
        <xsl:choose>
          <xsl:when test="$n mod 10 = 1 and $n mod 100 != 11">one</xsl:when>
          <xsl:when test="$n mod 10 &gt;= 2 and $n mod 10 &lt;= 4 and not($n mod 100 &gt;= 12 and $n mod 100 &lt;= 14)">few</xsl:when>
          <xsl:otherwise>many</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$n = 1">one</xsl:when>
      <xsl:otherwise>other</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A whole number as the interface language writes it: 10,000 (en), 10 000 (ru, with a
       no-break space). -->
  <xsl:template name="number">
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$ui-lang = 'ru'"><xsl:value-of select="translate(format-number($n, '#,##0'), ',', '&#160;')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="format-number($n, '#,##0')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- `text` with each placeholder of `values` (each after a U+E001: "&#xE001;{1}value&#xE001;{2}value …&#xE001;") replaced. -->
  <xsl:template name="substitute">
    <xsl:param name="text"/>
    <xsl:param name="values"/>
    <xsl:choose>
      <xsl:when test="not(contains($text, '{'))"><xsl:value-of select="$text"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="holder" select="substring($text, string-length(substring-before($text, '{')) + 1, 3)"/>
        <xsl:value-of select="substring-before($text, '{')"/>
        <xsl:choose>
          <xsl:when test="contains($values, concat('&#xE001;', $holder))"><xsl:value-of select="substring-before(substring-after($values, concat('&#xE001;', $holder)), '&#xE001;')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$holder"/></xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="substitute">
          <xsl:with-param name="text" select="substring-after($text, $holder)"/>
          <xsl:with-param name="values" select="$values"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
