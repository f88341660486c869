<?xml version="1.0" encoding="UTF-8"?>
<!-- One page per cable: metadata panel, the versions side by side, reading/diplomatic
     views, the archive's bracket conventions with explanations, citation, TEI download. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:import href="../common/text.xsl"/>
  <xsl:import href="layout.xsl"/>
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
      <xsl:with-param name="main">
        <article class="cable" data-pagefind-body="">
          <h1><xsl:apply-templates select="$header/tei:fileDesc/tei:titleStmt/tei:title" mode="text"/></h1>
          <xsl:call-template name="metadata"/>
          <div class="controls" hidden="hidden" aria-label="Display" data-pagefind-ignore="all">
            <fieldset class="mode">
              <legend>Text</legend>
              <label><input type="radio" name="mode" value="reading" checked="checked"/> Reading</label>
              <label><input type="radio" name="mode" value="diplomatic"/> Diplomatic</label>
            </fieldset>
            <xsl:if test="count(/tei:TEI/tei:text/tei:body/tei:div) > 1"><!-- a choice only among several -->
              <fieldset class="show">
                <legend>Versions</legend>
                <label><input type="radio" name="show" value="all" checked="checked"/> Side by side</label>
                <xsl:for-each select="/tei:TEI/tei:text/tei:body/tei:div">
                  <xsl:variable name="vid"><xsl:call-template name="version-id"/></xsl:variable>
                  <label><input type="radio" name="show" value="{$vid}"/><xsl:text> </xsl:text><xsl:call-template name="version-label"/></label>
                </xsl:for-each>
              </fieldset>
            </xsl:if>
          </div>
          <div class="versions" data-show="all">
            <xsl:apply-templates select="/tei:TEI/tei:text/tei:body/tei:div"/>
          </div>
          <xsl:call-template name="citation"/>
        </article>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ======================================================== metadata -->

  <xsl:template name="metadata">
    <xsl:variable name="corresp" select="$header/tei:profileDesc/tei:correspDesc"/>
    <section class="metadata" aria-labelledby="metadata-h">
      <h2 id="metadata-h" data-pagefind-ignore="all">About this document</h2>
      <dl>
        <dt data-pagefind-ignore="all">Date</dt>
        <dd><time datetime="{$corresp/tei:correspAction[@type='sent']/tei:date/@when}"><xsl:value-of select="$corresp/tei:correspAction[@type='sent']/tei:date"/></time></dd>
        <xsl:if test="$corresp/tei:correspAction[@type='sent']/tei:idno">
          <dt data-pagefind-ignore="all">Number</dt>
          <dd><xsl:value-of select="$corresp/tei:correspAction[@type='sent']/tei:idno"/></dd>
        </xsl:if>
        <dt data-pagefind-ignore="all">From</dt>
        <dd><xsl:apply-templates select="$corresp/tei:correspAction[@type='sent']" mode="party"/></dd>
        <xsl:if test="$corresp/tei:correspAction[@type='received']">
          <dt data-pagefind-ignore="all">To</dt>
          <dd><xsl:apply-templates select="$corresp/tei:correspAction[@type='received']" mode="party"/></dd>
        </xsl:if>
        <xsl:if test="$corresp/tei:correspAction[@type='transmitted']">
          <dt data-pagefind-ignore="all">Via</dt>
          <dd><xsl:for-each select="$corresp/tei:correspAction[@type='transmitted']"><xsl:if test="position() > 1">; </xsl:if><xsl:apply-templates select="." mode="party"/></xsl:for-each></dd>
        </xsl:if>
        <xsl:variable name="ms" select="$header/tei:fileDesc/tei:sourceDesc/tei:msDesc"/>
        <xsl:if test="$ms">
          <dt data-pagefind-ignore="all">Archival references</dt>
          <dd><ul class="copies">
            <xsl:for-each select="$ms/tei:msContents/tei:msItem">
              <li><xsl:value-of select="tei:bibl[@type='cited']"/></li>
            </xsl:for-each>
          </ul></dd>
        </xsl:if>
        <xsl:variable name="url" select="$header/tei:fileDesc/tei:sourceDesc/tei:bibl/tei:idno[@type='URL']"/>
        <xsl:if test="$url">
          <dt data-pagefind-ignore="all">Source</dt>
          <dd><a href="{$url}" rel="noopener"><xsl:value-of select="$url"/></a></dd>
        </xsl:if>
        <xsl:if test="$header//tei:respStmt[@xml:id='translator']">
          <dt data-pagefind-ignore="all">Translator</dt>
          <dd><xsl:call-template name="names"><xsl:with-param name="names" select="$header//tei:respStmt[@xml:id='translator']/tei:persName"/></xsl:call-template></dd>
        </xsl:if>
        <xsl:if test="$header//tei:funder">
          <dt data-pagefind-ignore="all">Credits</dt>
          <dd><xsl:value-of select="$header//tei:funder"/></dd>
        </xsl:if>
        <dt data-pagefind-ignore="all">Languages</dt>
        <dd>
          <!-- the languages of the versions given here (langUsage also names the original's,
               which a cable given in translation only does not contain) -->
          <xsl:for-each select="$header/tei:profileDesc/tei:langUsage/tei:language[@ident = /tei:TEI/tei:text/tei:body/tei:div/@xml:lang]">
            <xsl:if test="position() > 1">, </xsl:if><xsl:value-of select="."/>
          </xsl:for-each>
          <xsl:if test="$header//tei:sourceDesc/tei:bibl/tei:textLang"> (original: <xsl:value-of select="$header//tei:sourceDesc/tei:bibl/tei:textLang"/>)</xsl:if>
        </dd>
      </dl>
      <xsl:if test="$header/tei:profileDesc/tei:abstract">
        <h3>Summary</h3>
        <xsl:for-each select="$header/tei:profileDesc/tei:abstract/tei:p"><p class="summary"><xsl:value-of select="."/></p></xsl:for-each>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template match="tei:correspAction" mode="party">
    <xsl:for-each select="tei:persName | tei:orgName | tei:placeName | tei:note">
      <xsl:if test="position() > 1 and not(self::tei:note)">, </xsl:if>
      <xsl:choose>
        <xsl:when test="self::tei:note"> <xsl:text> </xsl:text><span class="ed">[<xsl:value-of select="."/>]</span></xsl:when>
        <xsl:otherwise><xsl:apply-templates select="." mode="text"/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- ======================================================== versions -->

  <xsl:template name="version-label">
    <xsl:param name="div" select="."/>
    <xsl:choose>
      <xsl:when test="$div/@subtype = 'scan'">Original (scan transcription)</xsl:when>
      <xsl:when test="$div/@subtype = 'transcript'">Original (transcript)</xsl:when>
      <xsl:when test="$div/@type = 'translation'">Translation</xsl:when>
      <xsl:otherwise>Original</xsl:otherwise>
    </xsl:choose>
    <xsl:variable name="lang" select="$div/@xml:lang"/>
    <xsl:variable name="name" select="$header/tei:profileDesc/tei:langUsage/tei:language[@ident = $lang]"/>
    <xsl:if test="$name"> · <xsl:value-of select="$name"/></xsl:if>
  </xsl:template>

  <xsl:template match="tei:body/tei:div">
    <xsl:variable name="vid"><xsl:call-template name="version-id"/></xsl:variable>
    <section class="version {@type}" id="{$vid}" lang="{@xml:lang}" data-version="{$vid}"
             aria-labelledby="{$vid}-h">
      <h2 id="{$vid}-h" lang="en"><xsl:call-template name="version-label"/></h2>
      <xsl:apply-templates select="*" mode="block"/>
      <xsl:call-template name="footnotes"/>
    </section>
  </xsl:template>

  <!-- ======================================================== blocks -->

  <xsl:template name="anchor">
    <xsl:param name="bid"/>
    <a class="anchor" href="#{$bid}" aria-label="Link to this passage" data-pagefind-ignore="all">¶</a>
  </xsl:template>

  <xsl:template match="tei:opener | tei:closer" mode="block">
    <xsl:variable name="bid"><xsl:call-template name="block-id"/></xsl:variable>
    <div class="{local-name()}" id="{$bid}">
      <xsl:apply-templates select="node()" mode="furniture"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:seg" mode="furniture">
    <div class="furniture {@type}"><xsl:apply-templates mode="furniture-inline"/></div>
  </xsl:template>
  <xsl:template match="tei:dateline" mode="furniture">
    <div class="furniture dateline"><xsl:apply-templates mode="text"/></div>
  </xsl:template>
  <xsl:template match="tei:salute" mode="furniture">
    <div class="furniture salute"><xsl:apply-templates mode="text"/></div>
  </xsl:template>
  <xsl:template match="tei:signed" mode="furniture">
    <div class="signed"><xsl:apply-templates mode="text"/></div>
  </xsl:template>
  <xsl:template match="tei:note[@type='clerk']" mode="furniture">
    <div class="clerk"><xsl:apply-templates mode="text"/></div>
  </xsl:template>
  <xsl:template match="tei:stamp" mode="furniture">
    <div class="stamp-block"><xsl:apply-templates select="." mode="text"/></div>
  </xsl:template>
  <xsl:template match="tei:fw | tei:pb | tei:gap | tei:lb" mode="furniture">
    <div class="furniture-mark"><xsl:apply-templates select="." mode="text"/></div>
  </xsl:template>
  <xsl:template match="text()" mode="furniture"/>
  <xsl:template match="*" mode="furniture">
    <div class="furniture"><xsl:apply-templates select="." mode="text"/></div>
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
    <p id="{$bid}"><xsl:apply-templates mode="text"/><xsl:call-template name="anchor"><xsl:with-param name="bid" select="$bid"/></xsl:call-template></p>
  </xsl:template>

  <xsl:template match="tei:list" mode="block">
    <ol class="points">
      <xsl:for-each select="tei:item">
        <xsl:variable name="bid"><xsl:call-template name="block-id"/></xsl:variable>
        <li id="{$bid}">
          <xsl:if test="@n and string(number(@n)) != 'NaN'"><xsl:attribute name="value"><xsl:value-of select="@n"/></xsl:attribute></xsl:if>
          <xsl:apply-templates mode="text"/>
          <xsl:call-template name="anchor"><xsl:with-param name="bid" select="$bid"/></xsl:call-template>
        </li>
      </xsl:for-each>
    </ol>
  </xsl:template>

  <xsl:template match="tei:ab[@type='stamp']" mode="block">
    <xsl:variable name="bid"><xsl:call-template name="block-id"/></xsl:variable>
    <div class="stamp-block" id="{$bid}"><xsl:apply-templates mode="text"/></div>
  </xsl:template>

  <xsl:template match="tei:quote" mode="block">
    <blockquote class="{tei:floatingText/@type}">
      <xsl:apply-templates select="tei:floatingText/tei:body/*" mode="block"/>
    </blockquote>
  </xsl:template>

  <xsl:template match="tei:fw | tei:pb | tei:lb | tei:gap | tei:note" mode="block">
    <div class="between"><xsl:apply-templates select="." mode="text"/></div>
  </xsl:template>

  <xsl:template match="*" mode="block">
    <div><xsl:apply-templates mode="text"/></div>
  </xsl:template>

  <!-- ======================================================== citation -->

  <xsl:template name="citation">
    <xsl:variable name="bibl" select="$header/tei:fileDesc/tei:sourceDesc/tei:bibl"/>
    <section class="cite" aria-labelledby="cite-h">
      <h2 id="cite-h">Cite this document</h2>
      <p id="citation">“<xsl:value-of select="$title"/>,” <xsl:value-of select="$bibl/tei:date"/>, <xsl:value-of select="$bibl/tei:publisher"/>
        <xsl:for-each select="$header//tei:msContents/tei:msItem">, <xsl:value-of select="tei:bibl[@type='cited']"/></xsl:for-each>
        <xsl:if test="$header//tei:respStmt[@xml:id='translator']">. Translated by <xsl:call-template name="names"><xsl:with-param name="names" select="$header//tei:respStmt[@xml:id='translator']/tei:persName"/></xsl:call-template></xsl:if>
        <xsl:text>. TEI edition: </xsl:text><xsl:value-of select="$id"/><xsl:text>.</xsl:text>
        <xsl:if test="$bibl/tei:idno[@type='URL']"><xsl:text> </xsl:text><xsl:value-of select="$bibl/tei:idno[@type='URL']"/></xsl:if>
      </p>
      <p class="actions">
        <button type="button" class="copy" data-copy="citation" hidden="hidden">Copy the citation</button>
        <a class="download" href="tei/{$id}.xml" download="{$id}.xml">Download the TEI file</a>
      </p>
    </section>
  </xsl:template>
</xsl:stylesheet>
