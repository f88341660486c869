<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared templates: TEI text -> HTML, used by the web edition (and the print edition).

  Mode "text" renders the content of a cable version. Every editorial intervention keeps
  the archive's bracket convention (Kaidzio [sic; possibly Kaesong][?], [signature], [...],
  Filippov [Stalin]) and carries an explanation ("popup"). Material that belongs to one
  view only is marked: class "dipl" (diplomatic: line and sheet breaks, hyphens, forme
  work, the source's reading) or "read" (reading: corrections, joined words).

  Parameters are documented in xslt/README.md.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <!-- ======================================================== ids and links -->

  <!-- The version a node belongs to: original-scan, original-transcript, translation. -->
  <xsl:template name="version-id">
    <xsl:param name="div" select="ancestor-or-self::tei:div[parent::tei:body/parent::tei:text/parent::tei:TEI][1]"/>
    <xsl:value-of select="$div/@type"/>
    <xsl:if test="$div/@subtype">
      <xsl:text>-</xsl:text>
      <xsl:value-of select="$div/@subtype"/>
    </xsl:if>
  </xsl:template>

  <!-- The anchor of a block (p, numbered point, ab, opener, closer): version id, then its
       number in the version. Entity pages link to the same anchors. -->
  <xsl:template name="block-id">
    <xsl:param name="block" select="."/>
    <xsl:for-each select="$block">
      <xsl:call-template name="version-id"/>
      <xsl:text>-b</xsl:text>
      <xsl:number level="any"
                  count="tei:p|tei:item[parent::tei:list[@type='ordered']]|tei:ab|tei:opener|tei:closer"
                  from="tei:text/tei:body/tei:div"/>
    </xsl:for-each>
  </xsl:template>

  <!-- The page of an authority entry from a name's @ref (authority/persons.xml#stalin ->
       person-stalin.html; web/entity.xsl makes it). -->
  <xsl:template name="entity-href">
    <xsl:param name="ref" select="@ref"/>
    <xsl:variable name="target" select="substring-before(concat(normalize-space($ref), ' '), ' ')"/>
    <xsl:variable name="file" select="substring-before($target, '#')"/>
    <xsl:choose>
      <xsl:when test="contains($file, 'persons')">person-</xsl:when>
      <xsl:when test="contains($file, 'places')">place-</xsl:when>
      <xsl:otherwise>org-</xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="substring-after($target, '#')"/>
    <xsl:text>.html</xsl:text>
  </xsl:template>

  <!-- Plain text with the archive's brackets around identifications (for titles). -->
  <xsl:template match="*" mode="plain">
    <xsl:apply-templates mode="plain"/>
  </xsl:template>
  <xsl:template match="tei:note[@type = 'identification']" mode="plain">
    <xsl:text> [</xsl:text><xsl:value-of select="normalize-space(.)"/><xsl:text>]</xsl:text>
  </xsl:template>
  <xsl:template match="text()" mode="plain">
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- ======================================================== popups -->

  <!-- An intervention: the marked text, then its explanation, reachable by keyboard. -->
  <xsl:template name="intervention">
    <xsl:param name="class"/>
    <xsl:param name="content"/>
    <xsl:param name="explanation"/>
    <span class="intervention {$class}" tabindex="0" role="button" aria-expanded="false"
          aria-describedby="pop-{generate-id()}">
      <xsl:copy-of select="$content"/>
      <span class="popup" role="tooltip" id="pop-{generate-id()}" lang="en" data-pagefind-ignore="all">
        <xsl:value-of select="$explanation"/>
      </span>
    </span>
  </xsl:template>

  <!-- ======================================================== inline -->

  <xsl:template match="tei:lb" mode="text">
    <xsl:choose>
      <xsl:when test="@ed">
        <span class="lb-export dipl" aria-hidden="true"></span>
        <xsl:if test="not(@break = 'no')"><span class="read"><xsl:text> </xsl:text></span></xsl:if>
      </xsl:when>
      <xsl:when test="@break = 'no'">
        <span class="dipl hyphen">-<br/></span>
      </xsl:when>
      <xsl:otherwise>
        <span class="dipl"><br/></span>
        <span class="read"><xsl:text> </xsl:text></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:pb" mode="text">
    <span class="pb dipl" role="separator">
      <xsl:choose>
        <xsl:when test="@ed">PDF page <xsl:value-of select="@n"/></xsl:when>
        <xsl:otherwise>sheet <xsl:value-of select="@n"/></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <xsl:template match="tei:fw" mode="text">
    <span class="fw fw-{@type} dipl"><xsl:apply-templates mode="text"/></span>
  </xsl:template>

  <xsl:template match="tei:choice[tei:sic and tei:corr]" mode="text">
    <xsl:variable name="doubt"><xsl:if test="tei:corr/@cert = 'low'">[?]</xsl:if></xsl:variable>
    <xsl:call-template name="intervention">
      <xsl:with-param name="class">correction</xsl:with-param>
      <xsl:with-param name="content">
        <span class="dipl sic"><xsl:value-of select="tei:sic"/></span>
        <xsl:text> </xsl:text>
        <span class="read corr"><xsl:value-of select="tei:corr"/></span>
        <span class="ed dipl"> [sic; possibly <xsl:value-of select="tei:corr"/>]<xsl:value-of select="$doubt"/></span>
      </xsl:with-param>
      <xsl:with-param name="explanation">
        <xsl:text>The source reads “</xsl:text><xsl:value-of select="tei:sic"/>
        <xsl:text>”; the archive's editors read “</xsl:text><xsl:value-of select="tei:corr"/>
        <xsl:text>”</xsl:text>
        <xsl:if test="tei:corr/@cert = 'low'"> (uncertain)</xsl:if>
        <xsl:text>.</xsl:text>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:sic" mode="text">
    <xsl:call-template name="intervention">
      <xsl:with-param name="class">sic</xsl:with-param>
      <xsl:with-param name="content"><xsl:value-of select="."/><span class="ed"> [sic]</span></xsl:with-param>
      <xsl:with-param name="explanation">So in the source: the archive's editors mark it [sic].</xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:unclear" mode="text">
    <xsl:call-template name="intervention">
      <xsl:with-param name="class">unclear</xsl:with-param>
      <xsl:with-param name="content"><xsl:value-of select="."/><span class="ed"> [?]</span></xsl:with-param>
      <xsl:with-param name="explanation">An uncertain reading, marked [?] by the archive's editors.</xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:supplied" mode="text">
    <xsl:call-template name="intervention">
      <xsl:with-param name="class">supplied</xsl:with-param>
      <xsl:with-param name="content">
        <span class="ed">[</span><xsl:value-of select="."/><xsl:if test="@cert = 'low'"><span class="ed">?</span></xsl:if><span class="ed">]</span>
      </xsl:with-param>
      <xsl:with-param name="explanation">
        <xsl:text>Supplied by the archive's editors; not in the source</xsl:text>
        <xsl:if test="@cert = 'low'"> (an uncertain guess)</xsl:if>
        <xsl:text>.</xsl:text>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:note[@type = 'identification']" mode="text">
    <xsl:call-template name="intervention">
      <xsl:with-param name="class">identification</xsl:with-param>
      <xsl:with-param name="content">
        <xsl:text> </xsl:text><span class="ed">[</span><xsl:apply-templates mode="text"/><span class="ed">]</span>
      </xsl:with-param>
      <xsl:with-param name="explanation">
        <xsl:text>Identified by the archive's editors as </xsl:text>
        <xsl:value-of select="normalize-space(.)"/><xsl:text>.</xsl:text>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:note[@type = 'editorial' or @type = 'translator']" mode="text">
    <xsl:variable name="label">
      <xsl:choose>
        <xsl:when test="@type = 'translator'">Translator's note: </xsl:when>
        <xsl:otherwise>Ed. note: </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <span class="note {@type}"><span class="ed">[<xsl:value-of select="$label"/></span><xsl:apply-templates mode="text"/><span class="ed">]</span></span>
  </xsl:template>

  <xsl:template match="tei:note[@place = 'foot']" mode="text">
    <sup class="footnote-ref"><a href="#fn-{generate-id()}" id="fnref-{generate-id()}">[<xsl:value-of select="@n"/>]</a></sup>
  </xsl:template>

  <xsl:template match="tei:note[@type = 'clerk']" mode="text">
    <div class="clerk" id="{generate-id()}"><xsl:apply-templates mode="text"/></div>
  </xsl:template>

  <xsl:template match="tei:gap" mode="text">
    <xsl:variable name="shown">
      <xsl:choose>
        <xsl:when test="(@reason = 'signature' or @reason = 'illegible') and tei:desc">[<xsl:value-of select="tei:desc"/>]</xsl:when>
        <xsl:when test="@reason = 'illegible'">[illegible]</xsl:when>
        <xsl:when test="@reason = 'signature'">[signature]</xsl:when>
        <xsl:when test="@reason = 'truncated'">[the export stops here]</xsl:when>
        <xsl:otherwise>[...]</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="intervention">
      <xsl:with-param name="class">gap gap-<xsl:value-of select="@reason"/></xsl:with-param>
      <xsl:with-param name="content"><span class="ed"><xsl:value-of select="$shown"/></span></xsl:with-param>
      <xsl:with-param name="explanation">
        <xsl:choose>
          <xsl:when test="@reason = 'signature'">A handwritten signature, not transcribed.</xsl:when>
          <xsl:when test="@reason = 'illegible'">Words the archive's editors could not read.</xsl:when>
          <xsl:when test="@reason = 'truncated'">The archive's export ends here, in the middle of the text.</xsl:when>
          <xsl:otherwise>Text omitted by the archive's editors.</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:stamp" mode="text">
    <span class="stamp"><span class="sr-only">[stamp: </span><xsl:apply-templates mode="text"/><span class="sr-only">]</span></span>
  </xsl:template>

  <xsl:template match="tei:persName[@ref] | tei:placeName[@ref] | tei:orgName[@ref]" mode="text">
    <a class="name {local-name()}">
      <xsl:attribute name="href"><xsl:call-template name="entity-href"/></xsl:attribute>
      <xsl:apply-templates mode="text"/>
    </a>
  </xsl:template>

  <xsl:template match="tei:persName | tei:placeName | tei:orgName" mode="text">
    <span class="name {local-name()}"><xsl:apply-templates mode="text"/></span>
  </xsl:template>

  <xsl:template match="tei:date[@when] | tei:time[@when]" mode="text">
    <time datetime="{@when}"><xsl:apply-templates mode="text"/></time>
  </xsl:template>

  <xsl:template match="tei:idno" mode="text">
    <span class="number {@type}"><xsl:apply-templates mode="text"/></span>
  </xsl:template>

  <xsl:template match="tei:ref[starts-with(@target, 'http://') or starts-with(@target, 'https://')]" mode="text">
    <a href="{@target}" rel="noopener"><xsl:apply-templates mode="text"/></a>
  </xsl:template>

  <xsl:template match="text()" mode="text">
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- Any element without a template of its own keeps its text. -->
  <xsl:template match="*" mode="text">
    <xsl:apply-templates mode="text"/>
  </xsl:template>

  <!-- ======================================================== footnotes -->

  <xsl:template name="footnotes">
    <xsl:param name="scope" select="."/>
    <xsl:if test="$scope//tei:note[@place = 'foot']">
      <aside class="footnotes" aria-label="Notes">
        <ol>
          <xsl:for-each select="$scope//tei:note[@place = 'foot']">
            <li id="fn-{generate-id()}" value="{@n}">
              <xsl:apply-templates mode="text"/>
              <xsl:text> </xsl:text>
              <a href="#fnref-{generate-id()}" aria-label="back to the text">↩</a>
            </li>
          </xsl:for-each>
        </ol>
      </aside>
    </xsl:if>
  </xsl:template>
  <!-- Names in running text: "A", "A and B", "A, B and C". -->
  <xsl:template name="names">
    <xsl:param name="names"/>
    <xsl:for-each select="$names">
      <xsl:if test="position() > 1">
        <xsl:choose>
          <xsl:when test="position() = last()"> and </xsl:when>
          <xsl:otherwise>, </xsl:otherwise>
        </xsl:choose>
      </xsl:if>
      <xsl:value-of select="."/>
    </xsl:for-each>
  </xsl:template>
  <!-- A preferred English name as an index gives it: "Stalin, Joseph"; a name whose
       surname comes first ("Mao Zedong") or that has none marked as it is. -->
  <xsl:template name="index-name">
    <xsl:variable name="name" select="*[@type='preferred'][@xml:lang='en']"/>
    <xsl:choose>
      <xsl:when test="$name/tei:surname and $name/tei:forename and $name/tei:forename[following-sibling::tei:surname]">
        <xsl:value-of select="concat($name/tei:surname, ', ', normalize-space($name/tei:forename))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space($name)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
