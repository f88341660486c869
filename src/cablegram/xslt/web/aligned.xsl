<?xml version="1.0" encoding="UTF-8"?>
<!-- Aligned versions (issue 17): the passages of two versions in rows, so that
     corresponding passages start at the same height.

     A unit is what the page lays out on its own: a block (the elements encode/anchors.py
     gives an id: p, ab, head, sp, a note, a point of a list, a part of an opener or
     closer), or whatever else stands between blocks (a milestone, a sheet break, a gap,
     the label of a quoted letter). Every unit of a document with several versions carries
     data-u (and data-corresp, its @corresp); the containers around units (the version's
     section, a quoted text, a list, an opener or closer, a section) are laid out as
     `display: contents` in the aligned view, so that every unit is an item of one grid
     (assets/edition.css): row r (a custom property), the column of its version.

     The rows of a pair of versions (L, R), here for the default pair (the first original
     and the translation) so that the page is aligned without JavaScript, and again by
     assets/edition.js for the pair a reader chooses (keep the two alike): a row is a
     connected component of the @corresp links between the units of L and of R, with the
     units lying between its members; a run of units with no link to the other side is a
     row of its own, with an empty cell on the other side (the left side's run first). Row
     1 holds the versions' headings, the last their footnotes. A pair with no link at all
     is not aligned: its versions stand in columns, as they always did. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    extension-element-prefixes="exsl str"
    exclude-result-prefixes="tei exsl str">

  <!-- the units of each version, in document order -->
  <xsl:key name="units"
      match="tei:*[ancestor::tei:text[parent::tei:TEI]]
                  [parent::tei:div[@type = 'section' or parent::tei:body/parent::tei:text/parent::tei:TEI]
                   or parent::tei:opener or parent::tei:closer
                   or parent::tei:body[parent::tei:floatingText]
                   or (parent::tei:list and (self::tei:head or self::tei:item))]
                  [not(ancestor::*[ancestor::tei:text[parent::tei:TEI]][not(self::tei:div or self::tei:list or self::tei:opener or self::tei:closer or self::tei:quote or self::tei:floatingText or self::tei:body)])]
                  [not(self::tei:div[@type = 'section']
                       or (self::tei:list and not(parent::tei:opener or parent::tei:closer))
                       or ((self::tei:opener or self::tei:closer) and not(parent::tei:opener or parent::tei:closer))
                       or (self::tei:quote and not(tei:floatingText[@type = 'letter' or @type = 'enclosure'])))]"
      use="generate-id(ancestor::tei:div[parent::tei:body/parent::tei:text/parent::tei:TEI][1])"/>
  <!-- (the same pattern: whether a node is a unit) -->
  <xsl:key name="unit" match="tei:*[ancestor::tei:text[parent::tei:TEI]]
                  [parent::tei:div[@type = 'section' or parent::tei:body/parent::tei:text/parent::tei:TEI]
                   or parent::tei:opener or parent::tei:closer
                   or parent::tei:body[parent::tei:floatingText]
                   or (parent::tei:list and (self::tei:head or self::tei:item))]
                  [not(ancestor::*[ancestor::tei:text[parent::tei:TEI]][not(self::tei:div or self::tei:list or self::tei:opener or self::tei:closer or self::tei:quote or self::tei:floatingText or self::tei:body)])]
                  [not(self::tei:div[@type = 'section']
                       or (self::tei:list and not(parent::tei:opener or parent::tei:closer))
                       or ((self::tei:opener or self::tei:closer) and not(parent::tei:opener or parent::tei:closer))
                       or (self::tei:quote and not(tei:floatingText[@type = 'letter' or @type = 'enclosure'])))]" use="generate-id()"/>
  <xsl:key name="row" match="u" use="@g"/>

  <xsl:variable name="versions" select="/tei:TEI/tei:text/tei:body/tei:div"/>
  <xsl:variable name="several" select="count($versions) > 1"/>
  <!-- the default pair: the first original (or the first version), the first translation
       other than it (or the next version) -->
  <xsl:variable name="left" select="($versions[@type = 'original'] | $versions[1][not(../tei:div[@type = 'original'])])[1]"/>
  <xsl:variable name="right" select="($versions[@type = 'translation'][count(. | $left) = 2]
      | $versions[count(. | $left) = 2][not(../tei:div[@type = 'translation'][count(. | $left) = 2])])[1]"/>

  <!-- each unit of a side: its node (g), its place (n), its id and links -->
  <xsl:template name="unit-index">
    <xsl:param name="div"/>
    <xsl:for-each select="key('units', generate-id($div))">
      <u g="{generate-id()}" n="{position()}" id="{@xml:id}" c="{normalize-space(@corresp)}"/>
    </xsl:for-each>
  </xsl:template>
  <!-- the same, with the place of its last partner on the other side (hi; 0 for none):
       the units it points at, and those that point at it, looked up by key in the other
       side's index (the links are symmetric, cg-corresp-symmetric; both are read, as
       edition.js reads them) -->
  <xsl:key name="u-by-id" match="u" use="@id"/>
  <xsl:key name="u-by-target" match="u" use="str:tokenize(@c, ' #')"/>
  <xsl:template name="linked-index">
    <xsl:param name="mine"/>
    <xsl:param name="other"/>
    <xsl:for-each select="$mine">
      <xsl:variable name="me" select="."/>
      <xsl:variable name="hi">
        <xsl:for-each select="$other[1]"><!-- (the other side's index: its keys) -->
          <xsl:for-each select="key('u-by-id', str:tokenize($me/@c, ' #')) | key('u-by-target', $me/@id)">
            <xsl:sort select="@n" data-type="number" order="descending"/>
            <xsl:if test="position() = 1"><xsl:value-of select="@n"/></xsl:if>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:variable>
      <u g="{@g}" n="{@n}" hi="{concat($hi, substring('0', 1, number(string($hi) = '')))}"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:variable name="left-raw-rtf"><xsl:if test="$right"><xsl:call-template name="unit-index"><xsl:with-param name="div" select="$left"/></xsl:call-template></xsl:if></xsl:variable>
  <xsl:variable name="right-raw-rtf"><xsl:if test="$right"><xsl:call-template name="unit-index"><xsl:with-param name="div" select="$right"/></xsl:call-template></xsl:if></xsl:variable>
  <xsl:variable name="left-rtf"><xsl:call-template name="linked-index"><xsl:with-param name="mine" select="exsl:node-set($left-raw-rtf)/u"/><xsl:with-param name="other" select="exsl:node-set($right-raw-rtf)/u"/></xsl:call-template></xsl:variable>
  <xsl:variable name="right-rtf"><xsl:call-template name="linked-index"><xsl:with-param name="mine" select="exsl:node-set($right-raw-rtf)/u"/><xsl:with-param name="other" select="exsl:node-set($left-raw-rtf)/u"/></xsl:call-template></xsl:variable>
  <xsl:variable name="L" select="exsl:node-set($left-rtf)/u"/>
  <xsl:variable name="R" select="exsl:node-set($right-rtf)/u"/>
  <xsl:variable name="aligned" select="boolean($L[@hi > 0])"/>

  <xsl:variable name="layout-rtf">
    <xsl:if test="$aligned"><xsl:call-template name="rows"/></xsl:if>
  </xsl:variable>
  <xsl:variable name="layout" select="exsl:node-set($layout-rtf)"/>
  <!-- the lines of the footnotes: after the last row of units -->
  <xsl:variable name="last-row" select="$layout/end/@r"/>
  <xsl:variable name="last-narrow" select="$layout/end/@n"/>

  <!-- The rows, as grid lines: a row of k passages on one side and m on the other takes
       max(k, m) lines, a passage each, the last one of the shorter side spanning the rest
       (s); on a narrow screen (one column) its k passages, then the m (n). Each unit:
       <u g="its node" r="its line" s="its span" n="its narrow line"/>; then <end/>. -->
  <xsl:template name="rows">
    <xsl:param name="i" select="1"/>
    <xsl:param name="j" select="1"/>
    <xsl:param name="line" select="2"/>
    <xsl:param name="narrow" select="3"/>
    <xsl:variable name="l" select="$L[@n = $i]"/>
    <xsl:variable name="o" select="$R[@n = $j]"/>
    <xsl:choose>
      <xsl:when test="$l and $l/@hi = 0">
        <xsl:variable name="next" select="$L[@n > $i][@hi > 0][1]/@n"/>
        <xsl:variable name="e"><xsl:choose><xsl:when test="$next"><xsl:value-of select="$next - 1"/></xsl:when><xsl:otherwise><xsl:value-of select="count($L)"/></xsl:otherwise></xsl:choose></xsl:variable>
        <xsl:call-template name="row"><xsl:with-param name="ls" select="$L[@n >= $i and @n &lt;= $e]"/><xsl:with-param name="rs" select="/.."/><xsl:with-param name="line" select="$line"/><xsl:with-param name="narrow" select="$narrow"/></xsl:call-template>
        <xsl:call-template name="rows"><xsl:with-param name="i" select="$e + 1"/><xsl:with-param name="j" select="$j"/><xsl:with-param name="line" select="$line + $e - $i + 1"/><xsl:with-param name="narrow" select="$narrow + $e - $i + 1"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$o and $o/@hi = 0">
        <xsl:variable name="next" select="$R[@n > $j][@hi > 0][1]/@n"/>
        <xsl:variable name="e"><xsl:choose><xsl:when test="$next"><xsl:value-of select="$next - 1"/></xsl:when><xsl:otherwise><xsl:value-of select="count($R)"/></xsl:otherwise></xsl:choose></xsl:variable>
        <xsl:call-template name="row"><xsl:with-param name="ls" select="/.."/><xsl:with-param name="rs" select="$R[@n >= $j and @n &lt;= $e]"/><xsl:with-param name="line" select="$line"/><xsl:with-param name="narrow" select="$narrow"/></xsl:call-template>
        <xsl:call-template name="rows"><xsl:with-param name="i" select="$i"/><xsl:with-param name="j" select="$e + 1"/><xsl:with-param name="line" select="$line + $e - $j + 1"/><xsl:with-param name="narrow" select="$narrow + $e - $j + 1"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$l and $o">
        <xsl:call-template name="span"><xsl:with-param name="i" select="$i"/><xsl:with-param name="j" select="$j"/><xsl:with-param name="ie" select="$i"/><xsl:with-param name="je" select="$j"/><xsl:with-param name="line" select="$line"/><xsl:with-param name="narrow" select="$narrow"/></xsl:call-template>
      </xsl:when>
      <!-- one side left, linked to what has gone before: the rest in one row -->
      <xsl:when test="$l or $o">
        <xsl:call-template name="row"><xsl:with-param name="ls" select="$L[@n >= $i]"/><xsl:with-param name="rs" select="$R[@n >= $j]"/><xsl:with-param name="line" select="$line"/><xsl:with-param name="narrow" select="$narrow"/></xsl:call-template>
        <xsl:call-template name="rows"><xsl:with-param name="i" select="count($L) + 1"/><xsl:with-param name="j" select="count($R) + 1"/><xsl:with-param name="line" select="$line + count($L[@n >= $i]) + count($R[@n >= $j])"/><xsl:with-param name="narrow" select="$narrow + count($L[@n >= $i]) + count($R[@n >= $j])"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><end r="{$line}" n="{$narrow}"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="row">
    <xsl:param name="ls"/>
    <xsl:param name="rs"/>
    <xsl:param name="line"/>
    <xsl:param name="narrow"/>
    <xsl:variable name="k" select="count($ls)"/>
    <xsl:variable name="m" select="count($rs)"/>
    <xsl:variable name="lines" select="$k * ($k >= $m) + $m * ($m > $k)"/>
    <xsl:for-each select="$ls"><u g="{@g}" r="{$line + position() - 1}" s="{1 + ($lines - $k) * (position() = last())}" n="{$narrow + position() - 1}"/></xsl:for-each>
    <xsl:for-each select="$rs"><u g="{@g}" r="{$line + position() - 1}" s="{1 + ($lines - $m) * (position() = last())}" n="{$narrow + $k + position() - 1}"/></xsl:for-each>
  </xsl:template>

  <!-- A row of linked units: from units i of L and j of R, as far as the partners of its
       units reach on either side, until it holds them all. -->
  <xsl:template name="span">
    <xsl:param name="i"/>
    <xsl:param name="j"/>
    <xsl:param name="ie"/>
    <xsl:param name="je"/>
    <xsl:param name="line"/>
    <xsl:param name="narrow"/>
    <xsl:variable name="ls" select="$L[@n >= $i and @n &lt;= $ie]"/>
    <xsl:variable name="lhi" select="$ls/@hi[not(. &lt; $ls/@hi)][1]"/>
    <xsl:variable name="je2"><xsl:choose><xsl:when test="$lhi > $je"><xsl:value-of select="$lhi"/></xsl:when><xsl:otherwise><xsl:value-of select="$je"/></xsl:otherwise></xsl:choose></xsl:variable>
    <xsl:variable name="rs" select="$R[@n >= $j and @n &lt;= $je2]"/>
    <xsl:variable name="rhi" select="$rs/@hi[not(. &lt; $rs/@hi)][1]"/>
    <xsl:variable name="ie2"><xsl:choose><xsl:when test="$rhi > $ie"><xsl:value-of select="$rhi"/></xsl:when><xsl:otherwise><xsl:value-of select="$ie"/></xsl:otherwise></xsl:choose></xsl:variable>
    <xsl:choose>
      <xsl:when test="$ie2 = $ie and $je2 = $je">
        <xsl:variable name="k" select="$ie - $i + 1"/>
        <xsl:variable name="m" select="$je - $j + 1"/>
        <xsl:call-template name="row"><xsl:with-param name="ls" select="$ls"/><xsl:with-param name="rs" select="$rs"/><xsl:with-param name="line" select="$line"/><xsl:with-param name="narrow" select="$narrow"/></xsl:call-template>
        <xsl:call-template name="rows"><xsl:with-param name="i" select="$ie + 1"/><xsl:with-param name="j" select="$je + 1"/><xsl:with-param name="line" select="$line + $k * ($k >= $m) + $m * ($m > $k)"/><xsl:with-param name="narrow" select="$narrow + $k + $m"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="span"><xsl:with-param name="i" select="$i"/><xsl:with-param name="j" select="$j"/><xsl:with-param name="ie" select="$ie2"/><xsl:with-param name="je" select="$je2"/><xsl:with-param name="line" select="$line"/><xsl:with-param name="narrow" select="$narrow"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The attributes of a unit (called first thing in the element that renders it). -->
  <xsl:template name="unit">
    <xsl:param name="node" select="."/>
    <xsl:if test="$several and key('unit', generate-id($node))">
      <xsl:attribute name="data-u"/>
      <xsl:if test="normalize-space($node/@corresp)"><xsl:attribute name="data-corresp"><xsl:value-of select="normalize-space($node/@corresp)"/></xsl:attribute></xsl:if>
      <xsl:if test="$aligned">
        <xsl:variable name="g" select="generate-id($node)"/>
        <xsl:for-each select="$layout">
          <xsl:variable name="row" select="key('row', $g)"/>
          <xsl:if test="$row"><xsl:attribute name="style">--r: <xsl:value-of select="$row/@r"/>; --n: <xsl:value-of select="$row/@n"/><xsl:if test="$row/@s > 1">; --s: <xsl:value-of select="$row/@s"/></xsl:if></xsl:attribute></xsl:if>
        </xsl:for-each>
      </xsl:if>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
