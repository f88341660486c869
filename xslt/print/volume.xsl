<?xml version="1.0" encoding="UTF-8"?>
<!--
  The print edition: paged HTML for WeasyPrint (CSS Paged Media, print.css).
  Input: the corpus document (cg:site) that the web edition's corpus pages also read.
  $standalone = 'yes' gives the pages of one cable only (no title page, contents or index).

  The text is the reading text; every editorial intervention becomes a footnote carrying the
  archive's bracket text (Kaidzio] sic; possibly Kaesong [?]), at the foot of its page.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:cg="urn:cablegram:site"
    exclude-result-prefixes="tei cg">
  <xsl:import href="../common/text.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="standalone" select="'no'"/>
  <xsl:param name="edition-title" select="'Cables on the Korean Armistice, 1951'"/>
  <xsl:param name="css" select="'print.css'"/>
  <!-- In an edition of several volumes, this one's place: 'Volume 2 of 5: documents …' -->
  <xsl:param name="volume-label" select="''"/>

  <!-- Names with a reference, the header's too: lookups keep those in a text. (A pattern
       "tei:text//…" made libxslt's key table quadratic in the volume's size: 400 cables took
       23 s to transform, 1,000 would have taken minutes.) -->
  <xsl:key name="mentions" match="tei:persName[@ref] | tei:placeName[@ref]"
           use="substring-after(substring-before(concat(normalize-space(@ref), ' '), ' '), '#')"/>
  <xsl:key name="mentions-in" match="tei:persName[@ref] | tei:placeName[@ref]"
           use="concat(substring-after(substring-before(concat(normalize-space(@ref), ' '), ' '), '#'), '|', ancestor::tei:TEI/@xml:id)"/>

  <xsl:variable name="cables" select="//cg:cables/tei:TEI"/>

  <xsl:template match="/">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <title>
          <xsl:choose>
            <xsl:when test="$standalone = 'yes'">
              <xsl:variable name="title"><xsl:apply-templates select="$cables[1]/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title" mode="plain"/></xsl:variable>
              <xsl:value-of select="normalize-space($title)"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="$edition-title"/>
              <xsl:if test="$volume-label != ''">. <xsl:value-of select="$volume-label"/></xsl:if>
            </xsl:otherwise>
          </xsl:choose>
        </title>
        <meta name="author" content="cablegram"/>
        <link rel="stylesheet" href="{$css}"/>
      </head>
      <body>
        <xsl:if test="$standalone != 'yes'">
          <section class="title-page">
            <h1 class="volume-title"><xsl:value-of select="$edition-title"/></h1>
            <xsl:if test="$volume-label != ''">
              <p class="volume-label"><xsl:value-of select="$volume-label"/></p>
            </xsl:if>
            <p class="subtitle">Ciphered telegrams and reports from the Wilson Center Digital Archive, in the original and in translation</p>
            <p class="count"><xsl:value-of select="count($cables)"/> documents</p>
            <p class="imprint">Edited with cablegram from the archive's web pages</p>
          </section>
          <xsl:call-template name="contents"/>
          <xsl:call-template name="principles"/>
        </xsl:if>
        <xsl:for-each select="$cables">
          <xsl:sort select="tei:teiHeader//tei:correspAction[@type='sent']/tei:date/@when"/>
          <xsl:sort select="tei:teiHeader//tei:correspAction[@type='sent']/tei:idno"/>
          <xsl:apply-templates select="." mode="cable"/>
        </xsl:for-each>
        <xsl:if test="$standalone != 'yes'">
          <xsl:call-template name="index"/>
        </xsl:if>
      </body>
    </html>
  </xsl:template>

  <!-- ======================================================== front matter -->

  <xsl:template name="contents">
    <nav class="contents" id="contents">
      <h1 class="matter">Contents</h1>
      <ol>
        <li><a href="#principles">Editorial principles</a></li>
        <xsl:for-each select="$cables">
          <xsl:sort select="tei:teiHeader//tei:correspAction[@type='sent']/tei:date/@when"/>
          <xsl:sort select="tei:teiHeader//tei:correspAction[@type='sent']/tei:idno"/>
          <li><a href="#{@xml:id}"><xsl:call-template name="heading-text"/></a></li>
        </xsl:for-each>
        <li><a href="#index">Index of persons and places</a></li>
      </ol>
    </nav>
  </xsl:template>

  <xsl:template name="principles">
    <section class="principles" id="principles">
      <h1 class="matter">Editorial principles</h1>
      <p>Each document is given as the archive published it: first the original (the
        transcription of the scan, then a clean transcript where the archive has one), then
        the translation. Nothing of the source is omitted and nothing is added silently.</p>
      <p>The text is the reading text: lines are run together and words broken at a line end
        are joined. The sheet turns of the original are marked ‖ with the sheet number.</p>
      <p>Every intervention of the archive's editors is a footnote that repeats their bracket:
        a reading flagged [sic] with its correction, a doubtful reading [?], words supplied
        [in brackets], an identification of a code name [Stalin], an omission [...]. The text
        keeps the source's own reading; a footnote gives the editors' correction.</p>
      <p>Stamps are set in frames, signatures and the cable's heading and closing in a
        sans-serif face, the cipher clerks' notes in small type.</p>
    </section>
  </xsl:template>

  <xsl:template name="heading-text">
    <xsl:variable name="sent" select="tei:teiHeader//tei:correspAction[@type='sent']"/>
    <xsl:variable name="received" select="tei:teiHeader//tei:correspAction[@type='received']"/>
    <xsl:if test="$sent/tei:idno">No. <xsl:value-of select="$sent/tei:idno"/>, </xsl:if>
    <xsl:for-each select="$sent/tei:persName | $sent/tei:orgName"><xsl:if test="position() > 1">, </xsl:if><xsl:value-of select="."/></xsl:for-each>
    <xsl:text> to </xsl:text>
    <xsl:for-each select="$received/tei:persName | $received/tei:orgName"><xsl:if test="position() > 1">, </xsl:if><xsl:value-of select="."/></xsl:for-each>
    <xsl:for-each select="$received/tei:note"> [<xsl:value-of select="."/>]</xsl:for-each>
    <xsl:text>, </xsl:text>
    <xsl:value-of select="$sent/tei:date"/>
  </xsl:template>

  <!-- ======================================================== a cable -->

  <xsl:template match="tei:TEI" mode="cable">
    <xsl:variable name="header" select="tei:teiHeader"/>
    <section class="cable" id="{@xml:id}">
      <h1 class="cable-title">
        <span class="running"><xsl:call-template name="heading-text"/></span>
      </h1>
      <div class="source-note">
        <p class="cited-title"><xsl:apply-templates select="$header/tei:fileDesc/tei:titleStmt/tei:title" mode="plain"/></p>
        <xsl:for-each select="$header//tei:msContents/tei:msItem">
          <p><xsl:value-of select="tei:bibl[@type='cited']"/></p>
        </xsl:for-each>
        <xsl:if test="$header//tei:sourceDesc/tei:bibl/tei:idno[@type='URL']">
          <p class="url"><xsl:value-of select="$header//tei:sourceDesc/tei:bibl/tei:idno[@type='URL']"/></p>
        </xsl:if>
        <xsl:if test="$header//tei:respStmt[@xml:id='translator']">
          <p>Translated by <xsl:call-template name="names"><xsl:with-param name="names" select="$header//tei:respStmt[@xml:id='translator']/tei:persName"/></xsl:call-template>.</p>
        </xsl:if>
        <xsl:if test="$header/tei:profileDesc/tei:abstract">
          <xsl:for-each select="$header/tei:profileDesc/tei:abstract/tei:p"><p class="summary"><xsl:value-of select="."/></p></xsl:for-each>
        </xsl:if>
      </div>
      <xsl:for-each select="tei:text/tei:body/tei:div">
        <section class="version {@type}" lang="{@xml:lang}">
          <h2 lang="en">
            <xsl:choose>
              <xsl:when test="@subtype = 'scan'">Original (scan transcription)</xsl:when>
              <xsl:when test="@subtype = 'transcript'">Original (transcript)</xsl:when>
              <xsl:when test="@type = 'translation'">Translation</xsl:when>
              <xsl:otherwise>Original</xsl:otherwise>
            </xsl:choose>
          </h2>
          <xsl:apply-templates select="*" mode="print-block"/>
        </section>
      </xsl:for-each>
    </section>
  </xsl:template>

  <!-- ======================================================== blocks -->

  <xsl:template match="tei:opener | tei:closer" mode="print-block">
    <div class="{local-name()}"><xsl:apply-templates select="*" mode="print-furniture"/></div>
  </xsl:template>
  <xsl:template match="tei:seg[tei:list]" mode="print-furniture">
    <ul class="distribution"><xsl:for-each select="tei:list/tei:item"><li><xsl:apply-templates mode="print"/></li></xsl:for-each></ul>
  </xsl:template>
  <xsl:template match="tei:signed" mode="print-furniture">
    <p class="signed"><xsl:apply-templates mode="print"/></p>
  </xsl:template>
  <xsl:template match="tei:note[@type='clerk']" mode="print-furniture">
    <p class="clerk"><xsl:apply-templates mode="print"/></p>
  </xsl:template>
  <xsl:template match="tei:stamp" mode="print-furniture">
    <p class="stamp-line"><xsl:apply-templates select="." mode="print"/></p>
  </xsl:template>
  <xsl:template match="*" mode="print-furniture">
    <p class="furniture {@type}"><xsl:apply-templates select="." mode="print"/></p>
  </xsl:template>

  <xsl:template match="tei:p" mode="print-block">
    <p><xsl:apply-templates mode="print"/></p>
  </xsl:template>
  <xsl:template match="tei:list" mode="print-block">
    <ol class="points"><xsl:for-each select="tei:item"><li><xsl:apply-templates mode="print"/></li></xsl:for-each></ol>
  </xsl:template>
  <xsl:template match="tei:ab" mode="print-block">
    <p class="stamp-line"><xsl:apply-templates mode="print"/></p>
  </xsl:template>
  <xsl:template match="tei:quote" mode="print-block">
    <blockquote class="telegram"><xsl:apply-templates select="tei:floatingText/tei:body/*" mode="print-block"/></blockquote>
  </xsl:template>
  <!-- A note standing between blocks is printed where it stands, in small type. -->
  <xsl:template match="tei:note[@type = 'editorial' or @type = 'translator']" mode="print-block">
    <p class="ed-note">
      <xsl:choose>
        <xsl:when test="@type = 'translator'">[Translator's note: </xsl:when>
        <xsl:otherwise>[Ed. note: </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates mode="print"/>]</p>
  </xsl:template>
  <xsl:template match="tei:pb[@ed] | tei:fw | tei:lb" mode="print-block"/>
  <xsl:template match="*" mode="print-block">
    <p class="between"><xsl:apply-templates select="." mode="print"/></p>
  </xsl:template>

  <!-- ======================================================== inline: the apparatus -->

  <xsl:template name="footnote">
    <xsl:param name="text"/>
    <span class="footnote" id="fn-{generate-id()}"><xsl:value-of select="$text"/></span>
  </xsl:template>

  <xsl:template match="tei:choice[tei:sic and tei:corr]" mode="print">
    <xsl:value-of select="tei:sic"/>
    <xsl:call-template name="footnote">
      <xsl:with-param name="text" select="concat(tei:sic, '] sic; possibly ', tei:corr, substring(' [?]', 1, 4 * (tei:corr/@cert = 'low')))"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:sic" mode="print">
    <xsl:value-of select="."/>
    <xsl:call-template name="footnote"><xsl:with-param name="text" select="concat(., '] [sic]')"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:unclear" mode="print">
    <xsl:value-of select="."/>
    <xsl:call-template name="footnote"><xsl:with-param name="text" select="concat(., '] [?] uncertain reading')"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:supplied" mode="print">
    <xsl:value-of select="."/>
    <xsl:call-template name="footnote">
      <xsl:with-param name="text" select="concat('[', ., substring('?', 1, number(@cert = 'low')), '] supplied by the archive’s editors')"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:note[@type = 'identification']" mode="print">
    <xsl:call-template name="footnote">
      <xsl:with-param name="text" select="concat('[', normalize-space(.), '] identification by the archive’s editors')"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:note[@type = 'editorial' or @type = 'translator' or @place = 'foot']" mode="print">
    <span class="footnote" id="fn-{generate-id()}">
      <xsl:choose>
        <xsl:when test="@type = 'translator'">Translator's note: </xsl:when>
        <xsl:when test="@type = 'editorial'">Ed. note: </xsl:when>
      </xsl:choose>
      <xsl:apply-templates mode="print"/>
    </span>
  </xsl:template>
  <xsl:template match="tei:gap" mode="print">
    <xsl:choose>
      <xsl:when test="@reason = 'signature' or @reason = 'illegible'"><span class="ed">[<xsl:value-of select="(tei:desc | self::*[not(tei:desc)]/@reason)[1]"/>]</span></xsl:when>
      <xsl:when test="@reason = 'truncated'"><span class="ed">[the export stops here]</span></xsl:when>
      <xsl:otherwise><span class="ed">[...]</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:stamp" mode="print">
    <span class="stamp"><xsl:apply-templates mode="print"/></span>
  </xsl:template>
  <xsl:template match="tei:lb" mode="print">
    <xsl:if test="not(@break = 'no')"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:template match="tei:pb[not(@ed)]" mode="print">
    <span class="sheet"> ‖<xsl:value-of select="@n"/> </span>
  </xsl:template>
  <xsl:template match="tei:pb | tei:fw" mode="print"/>
  <xsl:template match="tei:persName[@ref] | tei:placeName[@ref]" mode="print">
    <span class="name" id="m-{generate-id()}"><xsl:apply-templates mode="print"/></span>
  </xsl:template>
  <xsl:template match="text()" mode="print"><xsl:value-of select="."/></xsl:template>
  <xsl:template match="*" mode="print"><xsl:apply-templates mode="print"/></xsl:template>

  <!-- ======================================================== index -->

  <xsl:template name="index">
    <section class="index" id="index">
      <h1 class="matter">Index of persons and places</h1>
      <xsl:for-each select="//cg:authority//tei:person[@xml:id] | //cg:authority//tei:place[@xml:id]">
        <!-- by surname where the preferred name marks one ("Stalin Joseph Stalin") -->
        <xsl:sort select="normalize-space(concat(*[@type='preferred'][@xml:lang='en']/tei:surname, ' ', *[@type='preferred'][@xml:lang='en']))"/>
        <xsl:variable name="mentions" select="key('mentions', @xml:id)[ancestor::tei:text]"/>
        <xsl:if test="$mentions">
          <p class="entry">
            <span class="term"><xsl:call-template name="index-name"/></span>
            <xsl:if test="*[@type='preferred'][@xml:lang='ru']"> (<span lang="ru"><xsl:value-of select="*[@type='preferred'][@xml:lang='ru']"/></span>)</xsl:if>
            <xsl:text> </xsl:text>
            <!-- the first mention in each cable: one page number per cable -->
            <xsl:variable name="entry" select="@xml:id"/>
            <xsl:for-each select="$mentions[generate-id() = generate-id(key('mentions-in', concat($entry, '|', ancestor::tei:TEI/@xml:id))[ancestor::tei:text][1])]">
              <xsl:sort select="ancestor::tei:TEI/tei:teiHeader//tei:correspAction[@type='sent']/tei:date/@when"/>
              <a class="page" href="#m-{generate-id()}"></a>
            </xsl:for-each>
          </p>
        </xsl:if>
      </xsl:for-each>
    </section>
  </xsl:template>
</xsl:stylesheet>
