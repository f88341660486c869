<?xml version="1.0" encoding="UTF-8"?>
<!-- One page per cable: metadata panel, the side panel of the persons, places and
     organisations it names (web/context.xsl), the versions side by side, reading/diplomatic
     views, the archive's bracket conventions with explanations, citation, TEI and PDF
     download, and the citation's metadata in the head (web/context.xsl). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:import href="../common/text.xsl"/>
  <xsl:import href="layout.xsl"/>
  <xsl:import href="neighbours.xsl"/>
  <xsl:include href="aligned.xsl"/>
  <xsl:include href="context.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:variable name="id" select="/tei:TEI/@xml:id"/>
  <xsl:variable name="header" select="/tei:TEI/tei:teiHeader"/>
  <xsl:variable name="title-text">
    <xsl:apply-templates select="$header/tei:fileDesc/tei:titleStmt/tei:title" mode="plain"/>
  </xsl:variable>
  <xsl:variable name="title" select="normalize-space($title-text)"/>

  <xsl:template match="/">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="$title"/>
      <xsl:with-param name="head"><xsl:call-template name="citation-meta"/><xsl:call-template name="neighbour-links"/></xsl:with-param>
      <xsl:with-param name="main">
        <xsl:call-template name="neighbour-nav"/>
        <article class="cable" data-pagefind-body="">
          <h1><xsl:apply-templates select="$header/tei:fileDesc/tei:titleStmt/tei:title" mode="text"/></h1>
          <xsl:call-template name="metadata"/>
          <xsl:call-template name="context-panel"/>
          <xsl:variable name="display-label"><xsl:call-template name="msg"><xsl:with-param name="key">controls.label</xsl:with-param></xsl:call-template></xsl:variable>
          <div class="controls" hidden="hidden" aria-label="{$display-label}" data-pagefind-ignore="all">
            <fieldset class="mode">
              <legend><xsl:call-template name="msg"><xsl:with-param name="key">controls.text</xsl:with-param></xsl:call-template></legend>
              <label><input type="radio" name="mode" value="reading" checked="checked"/><xsl:text> </xsl:text><xsl:call-template name="msg"><xsl:with-param name="key">controls.reading</xsl:with-param></xsl:call-template></label>
              <label><input type="radio" name="mode" value="diplomatic"/><xsl:text> </xsl:text><xsl:call-template name="msg"><xsl:with-param name="key">controls.diplomatic</xsl:with-param></xsl:call-template></label>
            </fieldset>
            <xsl:if test="$several"><!-- a choice only among several -->
              <fieldset class="show">
                <legend><xsl:call-template name="msg"><xsl:with-param name="key">controls.versions</xsl:with-param></xsl:call-template></legend>
                <!-- side by side: a pair of versions, any two (the default pair chosen) -->
                <span class="pair">
                  <label><input type="radio" name="show" value="all" checked="checked"/><xsl:text> </xsl:text><xsl:call-template name="msg"><xsl:with-param name="key">controls.side-by-side</xsl:with-param></xsl:call-template></label>
                  <xsl:text> </xsl:text>
                  <label class="side"><span class="sr-only"><xsl:call-template name="msg"><xsl:with-param name="key">controls.left</xsl:with-param></xsl:call-template></span>
                    <select name="left"><xsl:call-template name="version-options"><xsl:with-param name="chosen" select="$left"/></xsl:call-template></select></label>
                  <xsl:text> </xsl:text>
                  <label class="side"><span><xsl:call-template name="msg"><xsl:with-param name="key">controls.with</xsl:with-param></xsl:call-template></span><xsl:text> </xsl:text><span class="sr-only"><xsl:call-template name="msg"><xsl:with-param name="key">controls.right</xsl:with-param></xsl:call-template></span>
                    <select name="right"><xsl:call-template name="version-options"><xsl:with-param name="chosen" select="$right"/></xsl:call-template></select></label>
                </span>
                <xsl:for-each select="$versions">
                  <xsl:variable name="vid"><xsl:call-template name="version-id"/></xsl:variable>
                  <label><input type="radio" name="show" value="{$vid}"/><xsl:text> </xsl:text><xsl:call-template name="version-label"/></label>
                </xsl:for-each>
              </fieldset>
              <!-- a narrow screen: the paired version under each passage, or not -->
              <label class="under"><input type="checkbox" name="under" checked="checked"/><xsl:text> </xsl:text><xsl:call-template name="msg"><xsl:with-param name="key">controls.under</xsl:with-param></xsl:call-template></label>
            </xsl:if>
          </div>
          <div data-show="all">
            <xsl:attribute name="class">versions<xsl:if test="$aligned"> aligned</xsl:if></xsl:attribute>
            <xsl:if test="$several and $right">
              <xsl:attribute name="data-left"><xsl:call-template name="version-id"><xsl:with-param name="div" select="$left"/></xsl:call-template></xsl:attribute>
              <xsl:attribute name="data-right"><xsl:call-template name="version-id"><xsl:with-param name="div" select="$right"/></xsl:call-template></xsl:attribute>
            </xsl:if>
            <xsl:apply-templates select="/tei:TEI/tei:text/tei:body/tei:div"/>
          </div>
          <xsl:call-template name="citation"/>
        </article>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ======================================================== metadata -->

  <!-- The document's type, and its date: the sent date of correspondence (cable, letter,
       report, decree), the date of creation of the others (either one when the other is
       missing). -->
  <xsl:variable name="doc-type"><xsl:call-template name="doc-type"><xsl:with-param name="tei" select="/tei:TEI"/></xsl:call-template></xsl:variable>
  <xsl:variable name="by-sent" select="$doc-type = 'cable' or $doc-type = 'letter' or $doc-type = 'report' or $doc-type = 'decree'"/>
  <xsl:variable name="sent-date" select="$header/tei:profileDesc/tei:correspDesc/tei:correspAction[@type='sent']/tei:date[1]"/>
  <xsl:variable name="created" select="$header/tei:profileDesc/tei:creation/tei:date[1]"/>
  <xsl:variable name="doc-date" select="$sent-date[$by-sent or not($created)] | $created[not($by-sent) or not($sent-date)]"/>

  <xsl:template name="metadata">
    <xsl:variable name="corresp" select="$header/tei:profileDesc/tei:correspDesc"/>
    <xsl:variable name="source" select="$header/tei:fileDesc/tei:sourceDesc"/>
    <section class="metadata" aria-labelledby="metadata-h">
      <h2 id="metadata-h" data-pagefind-ignore="all"><xsl:call-template name="msg"><xsl:with-param name="key">meta.heading</xsl:with-param></xsl:call-template></h2>
      <dl>
        <dt data-pagefind-ignore="all"><xsl:call-template name="msg"><xsl:with-param name="key">meta.type</xsl:with-param></xsl:call-template></dt>
        <dd class="doctype"><xsl:call-template name="type-label"><xsl:with-param name="type" select="$doc-type"/></xsl:call-template></dd>
        <dt data-pagefind-ignore="all"><xsl:call-template name="msg"><xsl:with-param name="key">meta.date</xsl:with-param></xsl:call-template></dt>
        <dd>
          <xsl:choose>
            <xsl:when test="$doc-date"><xsl:call-template name="date-shown"><xsl:with-param name="date" select="$doc-date"/></xsl:call-template></xsl:when>
            <xsl:otherwise><xsl:call-template name="msg"><xsl:with-param name="key">meta.undated</xsl:with-param></xsl:call-template></xsl:otherwise>
          </xsl:choose>
        </dd>
        <xsl:if test="$header/tei:profileDesc/tei:creation/tei:placeName">
          <dt data-pagefind-ignore="all"><xsl:call-template name="msg"><xsl:with-param name="key">meta.place</xsl:with-param></xsl:call-template></dt>
          <dd><xsl:for-each select="$header/tei:profileDesc/tei:creation/tei:placeName"><xsl:if test="position() > 1">, </xsl:if><xsl:apply-templates select="." mode="text"/></xsl:for-each></dd>
        </xsl:if>
        <xsl:if test="$corresp/tei:correspAction[@type='sent']/tei:idno">
          <dt data-pagefind-ignore="all"><xsl:call-template name="msg"><xsl:with-param name="key">meta.number</xsl:with-param></xsl:call-template></dt>
          <dd><xsl:value-of select="$corresp/tei:correspAction[@type='sent']/tei:idno"/></dd>
        </xsl:if>
        <xsl:if test="$header/tei:fileDesc/tei:titleStmt/tei:author">
          <dt data-pagefind-ignore="all"><xsl:call-template name="msg"><xsl:with-param name="key">meta.author</xsl:with-param></xsl:call-template></dt>
          <dd><xsl:for-each select="$header/tei:fileDesc/tei:titleStmt/tei:author"><xsl:if test="position() > 1">; </xsl:if><xsl:apply-templates mode="text"/></xsl:for-each></dd>
        </xsl:if>
        <xsl:if test="$header/tei:profileDesc/tei:particDesc//tei:person">
          <dt data-pagefind-ignore="all"><xsl:call-template name="msg"><xsl:with-param name="key">meta.participants</xsl:with-param></xsl:call-template></dt>
          <dd><ul class="participants">
            <xsl:for-each select="$header/tei:profileDesc/tei:particDesc//tei:person">
              <li id="{@xml:id}">
                <xsl:for-each select="tei:persName"><xsl:if test="position() > 1"> / </xsl:if><xsl:apply-templates select="." mode="text"/></xsl:for-each>
                <xsl:for-each select="tei:occupation">, <span class="occupation"><xsl:apply-templates mode="text"/></span></xsl:for-each>
                <xsl:if test="@role"><xsl:text> </xsl:text><span class="role">(<xsl:call-template name="msg-or"><xsl:with-param name="key" select="concat('role.', @role)"/><xsl:with-param name="default" select="string(@role)"/></xsl:call-template>)</span></xsl:if>
              </li>
            </xsl:for-each>
          </ul></dd>
        </xsl:if>
        <!-- a sending that names no one (an unsigned report: its date only) has no row -->
        <xsl:variable name="senders" select="$corresp/tei:correspAction[@type='sent'][tei:persName or tei:orgName]"/>
        <xsl:if test="$senders">
          <dt data-pagefind-ignore="all"><xsl:call-template name="msg"><xsl:with-param name="key">meta.from</xsl:with-param></xsl:call-template></dt>
          <dd><xsl:for-each select="$senders"><xsl:if test="position() > 1">; </xsl:if><xsl:apply-templates select="." mode="party"/></xsl:for-each></dd>
        </xsl:if>
        <xsl:if test="$corresp/tei:correspAction[@type='received']">
          <dt data-pagefind-ignore="all"><xsl:call-template name="msg"><xsl:with-param name="key">meta.to</xsl:with-param></xsl:call-template></dt>
          <dd><xsl:for-each select="$corresp/tei:correspAction[@type='received']"><xsl:if test="position() > 1">; </xsl:if><xsl:apply-templates select="." mode="party"/></xsl:for-each></dd>
        </xsl:if>
        <xsl:if test="$corresp/tei:correspAction[@type='transmitted']">
          <dt data-pagefind-ignore="all"><xsl:call-template name="msg"><xsl:with-param name="key">meta.via</xsl:with-param></xsl:call-template></dt>
          <dd><xsl:for-each select="$corresp/tei:correspAction[@type='transmitted']"><xsl:if test="position() > 1">; </xsl:if><xsl:apply-templates select="." mode="party"/></xsl:for-each></dd>
        </xsl:if>
        <xsl:if test="$header/tei:profileDesc/tei:handNotes/tei:handNote">
          <dt data-pagefind-ignore="all"><xsl:call-template name="msg"><xsl:with-param name="key">meta.hands</xsl:with-param></xsl:call-template></dt>
          <dd><ul class="hands">
            <xsl:for-each select="$header/tei:profileDesc/tei:handNotes/tei:handNote">
              <li id="{@xml:id}"><xsl:apply-templates mode="text"/></li>
            </xsl:for-each>
          </ul></dd>
        </xsl:if>
        <xsl:variable name="ms" select="$source/tei:msDesc"/>
        <xsl:if test="$ms">
          <dt data-pagefind-ignore="all"><xsl:call-template name="msg"><xsl:with-param name="key">meta.copies</xsl:with-param></xsl:call-template></dt>
          <dd><ul class="copies">
            <xsl:for-each select="$ms/tei:msContents/tei:msItem">
              <li><xsl:value-of select="tei:bibl[@type='cited']"/></li>
            </xsl:for-each>
          </ul></dd>
        </xsl:if>
        <xsl:if test="$ms/tei:history/tei:provenance">
          <dt data-pagefind-ignore="all"><xsl:call-template name="msg"><xsl:with-param name="key">meta.provenance</xsl:with-param></xsl:call-template></dt>
          <dd><xsl:for-each select="$ms/tei:history/tei:provenance"><p class="provenance"><xsl:apply-templates mode="text"/></p></xsl:for-each></dd>
        </xsl:if>
        <xsl:if test="$source/tei:listBibl/tei:bibl">
          <dt data-pagefind-ignore="all"><xsl:call-template name="msg"><xsl:with-param name="key">meta.reprints</xsl:with-param></xsl:call-template></dt>
          <dd><ul class="reprints">
            <xsl:for-each select="$source/tei:listBibl/tei:bibl">
              <li><xsl:apply-templates mode="text"/></li>
            </xsl:for-each>
          </ul></dd>
        </xsl:if>
        <xsl:variable name="url" select="$source/tei:bibl/tei:idno[@type='URL']"/>
        <xsl:if test="$url">
          <dt data-pagefind-ignore="all"><xsl:call-template name="msg"><xsl:with-param name="key">meta.at-archive</xsl:with-param></xsl:call-template></dt>
          <dd class="archive-page"><xsl:if test="normalize-space($source/tei:bibl/tei:publisher)"><xsl:value-of select="normalize-space($source/tei:bibl/tei:publisher)"/>: </xsl:if><xsl:call-template name="web-link">
            <xsl:with-param name="url" select="$url"/>
            <xsl:with-param name="label" select="string($url)"/>
          </xsl:call-template></dd>
        </xsl:if>
        <xsl:if test="$header//tei:respStmt[@xml:id='translator']">
          <dt data-pagefind-ignore="all"><xsl:call-template name="msg"><xsl:with-param name="key">meta.translator</xsl:with-param></xsl:call-template></dt>
          <dd><xsl:call-template name="names"><xsl:with-param name="names" select="$header//tei:respStmt[@xml:id='translator']/tei:persName"/></xsl:call-template></dd>
        </xsl:if>
        <xsl:if test="$header//tei:funder">
          <dt data-pagefind-ignore="all"><xsl:call-template name="msg"><xsl:with-param name="key">meta.credits</xsl:with-param></xsl:call-template></dt>
          <dd><xsl:value-of select="$header//tei:funder"/></dd>
        </xsl:if>
        <dt data-pagefind-ignore="all"><xsl:call-template name="msg"><xsl:with-param name="key">meta.languages</xsl:with-param></xsl:call-template></dt>
        <dd>
          <!-- the languages of the versions given here (langUsage also names the original's,
               which a cable given in translation only does not contain) -->
          <xsl:for-each select="$header/tei:profileDesc/tei:langUsage/tei:language[@ident = /tei:TEI/tei:text/tei:body/tei:div/@xml:lang]">
            <xsl:if test="position() > 1">, </xsl:if><xsl:call-template name="language-name"><xsl:with-param name="ident" select="@ident"/><xsl:with-param name="name" select="string(.)"/></xsl:call-template>
          </xsl:for-each>
          <xsl:if test="$source/tei:bibl/tei:textLang"><xsl:text> </xsl:text><xsl:call-template name="msg"><xsl:with-param name="key">meta.original-language</xsl:with-param><xsl:with-param name="p1"><xsl:call-template name="language-name"><xsl:with-param name="ident" select="$source/tei:bibl/tei:textLang/@mainLang"/><xsl:with-param name="name" select="string($source/tei:bibl/tei:textLang)"/></xsl:call-template></xsl:with-param></xsl:call-template></xsl:if>
        </dd>
      </dl>
      <xsl:if test="$header/tei:profileDesc/tei:abstract">
        <h3><xsl:call-template name="msg"><xsl:with-param name="key">meta.summary</xsl:with-param></xsl:call-template></h3>
        <xsl:for-each select="$header/tei:profileDesc/tei:abstract/tei:p"><p class="summary"><xsl:value-of select="."/></p></xsl:for-each>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- A sender, addressee or intermediary: each name with its role and identification
       ("Dobrynin (Soviet Ambassador to the USA)", "Filippov [Stalin]"), the place, and the
       dates and numbers the panel does not give already. -->
  <xsl:template match="tei:correspAction" mode="party">
    <xsl:for-each select="tei:persName | tei:orgName">
      <xsl:if test="position() > 1">, </xsl:if>
      <xsl:apply-templates select="." mode="text"/>
      <xsl:variable name="name" select="."/>
      <!-- the role and identifications that follow this name, before the next one -->
      <xsl:for-each select="following-sibling::*[self::tei:roleName or self::tei:note][generate-id(preceding-sibling::*[self::tei:persName or self::tei:orgName][1]) = generate-id($name)]">
        <xsl:choose>
          <xsl:when test="self::tei:roleName"><xsl:text> </xsl:text><span class="role">(<xsl:apply-templates mode="text"/>)</span></xsl:when>
          <xsl:otherwise><xsl:text> </xsl:text><span class="ed">[<xsl:value-of select="."/>]</span></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:for-each>
    <xsl:for-each select="tei:placeName">
      <xsl:if test="../tei:persName or ../tei:orgName or position() > 1">, </xsl:if>
      <xsl:apply-templates select="." mode="text"/>
    </xsl:for-each>
    <xsl:for-each select="tei:date[generate-id() != generate-id($doc-date)] | tei:time">
      <xsl:if test="../tei:persName or ../tei:orgName or ../tei:placeName or position() > 1">, </xsl:if>
      <xsl:call-template name="date-shown"/>
    </xsl:for-each>
    <xsl:for-each select="tei:idno[not(../@type = 'sent')]"><xsl:text>, </xsl:text><xsl:call-template name="msg"><xsl:with-param name="key">party.number</xsl:with-param><xsl:with-param name="p1" select="."/></xsl:call-template></xsl:for-each>
  </xsl:template>

  <!-- ======================================================== versions -->

  <xsl:template name="version-label">
    <xsl:param name="div" select="."/>
    <xsl:choose>
      <xsl:when test="$div/@subtype = 'scan'"><xsl:call-template name="msg"><xsl:with-param name="key">version.scan</xsl:with-param></xsl:call-template></xsl:when>
      <xsl:when test="$div/@subtype = 'transcript'"><xsl:call-template name="msg"><xsl:with-param name="key">version.transcript</xsl:with-param></xsl:call-template></xsl:when>
      <xsl:when test="$div/@type = 'translation'"><xsl:call-template name="msg"><xsl:with-param name="key">version.translation</xsl:with-param></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:call-template name="msg"><xsl:with-param name="key">version.original</xsl:with-param></xsl:call-template></xsl:otherwise>
    </xsl:choose>
    <xsl:variable name="lang" select="$div/@xml:lang"/>
    <xsl:variable name="name" select="$header/tei:profileDesc/tei:langUsage/tei:language[@ident = $lang]"/>
    <xsl:if test="$name"> · <xsl:call-template name="language-name"><xsl:with-param name="ident" select="$lang"/><xsl:with-param name="name" select="$name"/></xsl:call-template></xsl:if>
  </xsl:template>

  <!-- The versions a reader may pair (side by side), the default one selected. -->
  <xsl:template name="version-options">
    <xsl:param name="chosen"/>
    <xsl:for-each select="$versions">
      <xsl:variable name="vid"><xsl:call-template name="version-id"/></xsl:variable>
      <option value="{$vid}">
        <xsl:if test="count(. | $chosen) = 1"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
        <xsl:call-template name="version-label"/>
      </option>
    </xsl:for-each>
  </xsl:template>

  <!-- A version: in the aligned view (web/aligned.xsl) the pair's sections are the
       columns (data-side, and the custom properties c and side for the style sheet), the others stand
       under them, the whole width. -->
  <xsl:template match="tei:body/tei:div">
    <xsl:variable name="vid"><xsl:call-template name="version-id"/></xsl:variable>
    <xsl:variable name="side">
      <xsl:if test="$aligned">
        <xsl:choose>
          <xsl:when test="count(. | $left) = 1">left</xsl:when>
          <xsl:when test="count(. | $right) = 1">right</xsl:when>
        </xsl:choose>
      </xsl:if>
    </xsl:variable>
    <section class="version {@type}" id="{$vid}" lang="{@xml:lang}" data-version="{$vid}"
             aria-labelledby="{$vid}-h">
      <xsl:choose>
        <xsl:when test="$side = 'left'"><xsl:attribute name="data-side">left</xsl:attribute><xsl:attribute name="style">--c: 1; --side: 0</xsl:attribute></xsl:when>
        <xsl:when test="$side = 'right'"><xsl:attribute name="data-side">right</xsl:attribute><xsl:attribute name="style">--c: 2; --side: 1</xsl:attribute></xsl:when>
        <xsl:when test="$aligned"><xsl:attribute name="style">--r: <xsl:value-of select="$last-row + 1"/>; --n: <xsl:value-of select="$last-narrow + 2"/></xsl:attribute></xsl:when>
      </xsl:choose>
      <h2 id="{$vid}-h" lang="{$ui-lang}"><xsl:call-template name="version-label"/></h2>
      <xsl:apply-templates select="*" mode="block"/>
      <xsl:choose>
        <xsl:when test="$several">
          <div class="version-notes">
            <xsl:if test="$side != ''"><xsl:attribute name="style">--r: <xsl:value-of select="$last-row"/>; --n: <xsl:value-of select="$last-narrow + ($side = 'right')"/></xsl:attribute></xsl:if>
            <xsl:call-template name="footnotes"/>
          </div>
        </xsl:when>
        <xsl:otherwise><xsl:call-template name="footnotes"/></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- ======================================================== blocks -->

  <xsl:template name="anchor">
    <xsl:param name="bid"/>
    <xsl:variable name="label"><xsl:call-template name="msg"><xsl:with-param name="key">anchor.label</xsl:with-param></xsl:call-template></xsl:variable>
    <a class="anchor" href="#{$bid}" aria-label="{$label}" data-pagefind-ignore="all">¶</a>
    <!-- a passage of a document in several versions: cite it (edition.js shows the link) -->
    <xsl:if test="$several and @xml:id">
      <xsl:variable name="cite"><xsl:call-template name="msg"><xsl:with-param name="key">anchor.cite-label</xsl:with-param></xsl:call-template></xsl:variable>
      <a class="cite-link" href="#cite-passage" data-passage="{$bid}" aria-label="{$cite}" hidden="hidden" data-pagefind-ignore="all"><xsl:call-template name="msg"><xsl:with-param name="key">anchor.cite</xsl:with-param></xsl:call-template></a>
    </xsl:if>
  </xsl:template>

  <!-- The classes of a block: its own, and its alignment (@rend right or center). -->
  <xsl:template name="block-class">
    <xsl:param name="class"/>
    <xsl:attribute name="class">
      <xsl:value-of select="normalize-space($class)"/>
      <xsl:if test="@rend = 'right' or @rend = 'center'"><xsl:value-of select="concat(' rend-', @rend)"/></xsl:if>
    </xsl:attribute>
  </xsl:template>

  <xsl:template match="tei:opener | tei:closer" mode="block">
    <xsl:variable name="bid"><xsl:call-template name="block-id"/></xsl:variable>
    <div class="{local-name()}" id="{$bid}">
      <xsl:apply-templates select="node()" mode="furniture"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:seg" mode="furniture">
    <div><xsl:call-template name="unit"/><xsl:call-template name="block-class"><xsl:with-param name="class" select="concat('furniture ', @type)"/></xsl:call-template><xsl:call-template name="part-id"/><xsl:apply-templates mode="furniture-inline"/><xsl:call-template name="part-anchor"/></div>
  </xsl:template>
  <xsl:template match="tei:dateline" mode="furniture">
    <div><xsl:call-template name="unit"/><xsl:call-template name="block-class"><xsl:with-param name="class">furniture dateline</xsl:with-param></xsl:call-template><xsl:call-template name="part-id"/><xsl:apply-templates mode="text"/><xsl:call-template name="part-anchor"/></div>
  </xsl:template>
  <xsl:template match="tei:salute" mode="furniture">
    <div><xsl:call-template name="unit"/><xsl:call-template name="block-class"><xsl:with-param name="class">furniture salute</xsl:with-param></xsl:call-template><xsl:call-template name="part-id"/><xsl:apply-templates mode="text"/><xsl:call-template name="part-anchor"/></div>
  </xsl:template>
  <xsl:template match="tei:signed" mode="furniture">
    <div><xsl:call-template name="unit"/><xsl:call-template name="block-class"><xsl:with-param name="class">signed</xsl:with-param></xsl:call-template><xsl:call-template name="part-id"/><xsl:apply-templates mode="text"/><xsl:call-template name="part-anchor"/></div>
  </xsl:template>
  <xsl:template match="tei:note[@type='clerk']" mode="furniture">
    <div class="clerk"><xsl:call-template name="unit"/><xsl:call-template name="part-id"/><xsl:apply-templates mode="text"/><xsl:call-template name="part-anchor"/></div>
  </xsl:template>
  <xsl:template match="tei:stamp" mode="furniture">
    <div class="stamp-block"><xsl:call-template name="unit"/><xsl:call-template name="part-id"/><xsl:apply-templates select="." mode="text"/><xsl:call-template name="part-anchor"/></div>
  </xsl:template>
  <!-- (a note standing alone in the furniture is drawn as the intervention it is) -->
  <xsl:template match="tei:fw | tei:pb | tei:gap | tei:lb | tei:note" mode="furniture">
    <div class="furniture-mark"><xsl:call-template name="unit"/><xsl:call-template name="part-id"/><xsl:apply-templates select="." mode="text"/></div>
  </xsl:template>
  <xsl:template match="text()" mode="furniture"/>
  <xsl:template match="*" mode="furniture">
    <div class="furniture {local-name()} {@type}"><xsl:call-template name="unit"/><xsl:call-template name="part-id"/><xsl:apply-templates select="." mode="text"/><xsl:call-template name="part-anchor"/></div>
  </xsl:template>

  <!-- A part of an opener or closer: its id, and a permalink where it is aligned with a
       part of another version. -->
  <xsl:template name="part-id">
    <xsl:if test="@xml:id"><xsl:attribute name="id"><xsl:value-of select="@xml:id"/></xsl:attribute></xsl:if>
  </xsl:template>
  <xsl:template name="part-anchor">
    <xsl:if test="@xml:id and normalize-space(@corresp)"><xsl:call-template name="anchor"><xsl:with-param name="bid" select="@xml:id"/></xsl:call-template></xsl:if>
  </xsl:template>

  <!-- Inside a furniture seg: a distribution list becomes a list. -->
  <xsl:template match="tei:list" mode="furniture-inline">
    <ul class="distribution">
      <xsl:for-each select="tei:item"><li><xsl:apply-templates mode="text"/></li></xsl:for-each>
    </ul>
  </xsl:template>
  <xsl:template match="node()" mode="furniture-inline">
    <xsl:apply-templates select="." mode="text"/>
  </xsl:template>

  <xsl:template match="tei:p" mode="block">
    <xsl:variable name="bid"><xsl:call-template name="block-id"/></xsl:variable>
    <p id="{$bid}"><xsl:call-template name="unit"/>
      <xsl:if test="@rend = 'right' or @rend = 'center'"><xsl:attribute name="class">rend-<xsl:value-of select="@rend"/></xsl:attribute></xsl:if>
      <xsl:apply-templates mode="text"/><xsl:call-template name="anchor"><xsl:with-param name="bid" select="$bid"/></xsl:call-template></p>
  </xsl:template>

  <!-- Lists: numbered and lettered points (ol, each point its printed number), dashed and
       bulleted points (ul), the participants of a meeting under their label. A point
       holds either a run of text or paragraphs and lists of its own. -->
  <xsl:template match="tei:list" mode="block">
    <xsl:apply-templates select="tei:head" mode="list-head"/>
    <ol class="points">
      <xsl:apply-templates select="tei:item" mode="item"/>
    </ol>
  </xsl:template>
  <xsl:template match="tei:list[@rend = 'dash' or @rend = 'bullet']" mode="block">
    <xsl:apply-templates select="tei:head" mode="list-head"/>
    <ul class="points {@rend}">
      <xsl:apply-templates select="tei:item" mode="item"/>
    </ul>
  </xsl:template>
  <xsl:template match="tei:list[@type = 'contents']" mode="block" priority="1">
    <div class="contents">
      <xsl:apply-templates select="tei:head" mode="list-head"/>
      <ul class="contents">
        <xsl:apply-templates select="tei:item" mode="item"/>
      </ul>
    </div>
  </xsl:template>
  <xsl:template match="tei:list[@type = 'participants']" mode="block" priority="1">
    <div class="participants">
      <xsl:apply-templates select="tei:head" mode="list-head"/>
      <ul class="participants">
        <xsl:apply-templates select="tei:item" mode="item"/>
      </ul>
    </div>
  </xsl:template>

  <xsl:template match="tei:head" mode="list-head">
    <xsl:variable name="bid"><xsl:call-template name="block-id"/></xsl:variable>
    <div class="list-head" id="{$bid}"><xsl:call-template name="unit"/><xsl:apply-templates mode="text"/></div>
  </xsl:template>

  <xsl:template match="tei:item" mode="item">
    <xsl:variable name="bid"><xsl:call-template name="block-id"/></xsl:variable>
    <xsl:variable name="numbered" select="@n and not(starts-with(normalize-space(.), @n))"/>
    <li id="{$bid}"><xsl:call-template name="unit"/>
      <xsl:if test="$numbered or tei:p or tei:list">
        <xsl:attribute name="class">
          <xsl:if test="$numbered">numbered</xsl:if>
          <xsl:if test="$numbered and (tei:p or tei:list)"><xsl:text> </xsl:text></xsl:if>
          <xsl:if test="tei:p or tei:list">blocks</xsl:if>
        </xsl:attribute>
      </xsl:if>
      <xsl:if test="@n and string(number(@n)) != 'NaN'"><xsl:attribute name="value"><xsl:value-of select="@n"/></xsl:attribute></xsl:if>
      <!-- the printed number stands in the text; where it does not, the point shows @n -->
      <xsl:if test="$numbered">
        <span class="item-n">
          <xsl:value-of select="@n"/>
          <xsl:choose>
            <xsl:when test="translate(@n, '0123456789', '') = ''">.</xsl:when>
            <xsl:otherwise>)</xsl:otherwise>
          </xsl:choose>
        </span>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates mode="mixed"/>
      <xsl:call-template name="anchor"><xsl:with-param name="bid" select="$bid"/></xsl:call-template>
    </li>
  </xsl:template>

  <!-- Content that may mix text and blocks (a point of a list). -->
  <xsl:template match="tei:p | tei:list | tei:quote | tei:sp | tei:ab | tei:milestone | tei:div" mode="mixed">
    <xsl:apply-templates select="." mode="block"/>
  </xsl:template>
  <xsl:template match="node()" mode="mixed">
    <xsl:apply-templates select="." mode="text"/>
  </xsl:template>

  <!-- A turn in a document laid out as a script: the speaker beside the speech. -->
  <xsl:template match="tei:sp" mode="block">
    <xsl:variable name="bid"><xsl:call-template name="block-id"/></xsl:variable>
    <div class="sp" id="{$bid}"><xsl:call-template name="unit"/>
      <xsl:if test="@who"><xsl:attribute name="data-who"><xsl:value-of select="substring-after(@who, '#')"/></xsl:attribute></xsl:if>
      <div class="speaker"><xsl:apply-templates select="tei:speaker/node()" mode="text"/></div>
      <div class="speech"><xsl:apply-templates select="*[not(self::tei:speaker)]" mode="block"/></div>
    </div>
  </xsl:template>

  <!-- A section with its heading (h3 in a version, one level down for each section
       around it). -->
  <xsl:template match="tei:div[@type = 'section']" mode="block">
    <section class="section">
      <xsl:apply-templates select="*" mode="block"/>
    </section>
  </xsl:template>
  <xsl:template match="tei:head" mode="block">
    <xsl:variable name="bid"><xsl:call-template name="block-id"/></xsl:variable>
    <xsl:variable name="depth" select="count(ancestor::tei:div[@type = 'section'])"/>
    <xsl:element name="h{2 + $depth - ($depth > 4) * ($depth - 4)}"><xsl:call-template name="unit"/>
      <xsl:attribute name="id"><xsl:value-of select="$bid"/></xsl:attribute>
      <xsl:call-template name="block-class"><xsl:with-param name="class">head</xsl:with-param></xsl:call-template>
      <xsl:apply-templates mode="text"/>
      <xsl:call-template name="anchor"><xsl:with-param name="bid" select="$bid"/></xsl:call-template>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:milestone" mode="block">
    <div class="between"><xsl:call-template name="unit"/><xsl:apply-templates select="." mode="text"/></div>
  </xsl:template>

  <xsl:template match="tei:ab[@type='stamp']" mode="block">
    <xsl:variable name="bid"><xsl:call-template name="block-id"/></xsl:variable>
    <div class="stamp-block" id="{$bid}"><xsl:call-template name="unit"/><xsl:apply-templates mode="text"/></div>
  </xsl:template>

  <!-- A text quoted or enclosed: its kind named above it (not the source's words). -->
  <xsl:template match="tei:quote" mode="block">
    <xsl:variable name="type" select="tei:floatingText/@type"/>
    <blockquote class="{$type}">
      <xsl:if test="$type = 'letter' or $type = 'enclosure'">
        <div class="quote-label" lang="{$ui-lang}" data-pagefind-ignore="all"><xsl:call-template name="unit"/>
          <xsl:choose>
            <xsl:when test="$type = 'letter'"><xsl:call-template name="msg"><xsl:with-param name="key">quote.letter</xsl:with-param></xsl:call-template></xsl:when>
            <xsl:otherwise><xsl:call-template name="msg"><xsl:with-param name="key">quote.enclosure</xsl:with-param></xsl:call-template></xsl:otherwise>
          </xsl:choose>
        </div>
      </xsl:if>
      <xsl:apply-templates select="tei:floatingText/tei:body/*" mode="block"/>
    </blockquote>
  </xsl:template>

  <xsl:template match="tei:fw | tei:pb | tei:lb | tei:gap | tei:note" mode="block">
    <div class="between"><xsl:call-template name="unit"/><xsl:call-template name="part-id"/><xsl:apply-templates select="." mode="text"/></div>
  </xsl:template>

  <xsl:template match="*" mode="block">
    <div><xsl:call-template name="unit"/><xsl:apply-templates mode="text"/></div>
  </xsl:template>

  <!-- ======================================================== citation -->

  <xsl:template name="citation">
    <xsl:variable name="bibl" select="$header/tei:fileDesc/tei:sourceDesc/tei:bibl"/>
    <section class="cite" aria-labelledby="cite-h">
      <h2 id="cite-h"><xsl:call-template name="msg"><xsl:with-param name="key">cite.heading</xsl:with-param></xsl:call-template></h2>
      <p id="citation"><span class="cite-work">“<xsl:value-of select="$title"/>,” <xsl:value-of select="$bibl/tei:date"/>, <xsl:value-of select="$bibl/tei:publisher"/>
        <xsl:for-each select="$header//tei:msContents/tei:msItem">, <xsl:value-of select="tei:bibl[@type='cited']"/></xsl:for-each>
        <xsl:if test="$header//tei:respStmt[@xml:id='translator']"><xsl:variable name="translators"><xsl:call-template name="names"><xsl:with-param name="names" select="$header//tei:respStmt[@xml:id='translator']/tei:persName"/></xsl:call-template></xsl:variable><xsl:text>. </xsl:text><xsl:call-template name="msg"><xsl:with-param name="key">cite.translated-by</xsl:with-param><xsl:with-param name="p1" select="$translators"/></xsl:call-template></xsl:if>
        <xsl:text>. </xsl:text>
        <xsl:choose>
          <xsl:when test="$edition-title != 'Untitled edition'"><xsl:value-of select="$edition-title"/><xsl:if test="$edition-editors != ''"><xsl:text>, </xsl:text><xsl:call-template name="msg"><xsl:with-param name="key">cite.editors</xsl:with-param><xsl:with-param name="p1" select="$edition-editors"/></xsl:call-template></xsl:if>, </xsl:when>
          <xsl:otherwise><xsl:call-template name="msg"><xsl:with-param name="key">cite.tei-edition</xsl:with-param></xsl:call-template><xsl:text> </xsl:text></xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="$id"/></span>
        <!-- the page's address, then the day the reader reads it (edition.js writes it:
             see context.xsl, "accessed"), then the archive's page -->
        <xsl:if test="$page-url != ''"><span class="cite-url"><xsl:text>. </xsl:text><xsl:value-of select="$page-url"/></span></xsl:if>
        <xsl:call-template name="accessed"/>
        <xsl:text>.</xsl:text>
        <xsl:if test="$bibl/tei:idno[@type='URL']"><span class="cite-archive"><xsl:text> </xsl:text><xsl:value-of select="$bibl/tei:idno[@type='URL']"/></span></xsl:if>
      </p>
      <p class="actions">
        <xsl:variable name="copied"><xsl:call-template name="msg"><xsl:with-param name="key">cite.copied</xsl:with-param></xsl:call-template></xsl:variable>
        <button type="button" class="copy" data-copy="citation" data-copied="{$copied}" hidden="hidden"><xsl:call-template name="msg"><xsl:with-param name="key">cite.copy</xsl:with-param></xsl:call-template></button>
        <a class="download" href="tei/{$id}.xml" download="{$id}.xml"><xsl:call-template name="msg"><xsl:with-param name="key">cite.download</xsl:with-param></xsl:call-template></a>
        <xsl:if test="$pdf = 'yes'"><a class="download-pdf" href="{$pdf-href}" type="application/pdf"><xsl:call-template name="msg"><xsl:with-param name="key">cite.download-pdf</xsl:with-param></xsl:call-template></a></xsl:if>
      </p>
      <!-- a passage of a document in several versions, cited: the same citation, then the
           passage and its address (edition.js writes it when a reader asks for it) -->
      <xsl:if test="$several">
        <xsl:variable name="passage"><xsl:call-template name="msg"><xsl:with-param name="key">cite.passage</xsl:with-param><xsl:with-param name="p1">{1}</xsl:with-param></xsl:call-template></xsl:variable>
        <div class="cite-passage" id="cite-passage" hidden="hidden" tabindex="-1" data-passage-label="{$passage}">
          <xsl:if test="$page-url != ''"><xsl:attribute name="data-page-url"><xsl:value-of select="$page-url"/></xsl:attribute></xsl:if>
          <h3><xsl:call-template name="msg"><xsl:with-param name="key">cite.passage-heading</xsl:with-param></xsl:call-template></h3>
          <p id="passage-citation"></p>
          <p class="actions">
            <xsl:variable name="copied"><xsl:call-template name="msg"><xsl:with-param name="key">cite.copied</xsl:with-param></xsl:call-template></xsl:variable>
            <button type="button" class="copy" data-copy="passage-citation" data-copied="{$copied}" hidden="hidden"><xsl:call-template name="msg"><xsl:with-param name="key">cite.copy</xsl:with-param></xsl:call-template></button>
          </p>
        </div>
      </xsl:if>
    </section>
  </xsl:template>
</xsl:stylesheet>
