// The logos and small macros that bibliographies of TeX and typography use without defining them in the file
// (they come from packages such as hologo, tugboat.def and bibnames.sty), written as TeX definitions and read by the
// same parser as a file's @preamble. A file's own definitions take precedence.
import { parseMacroDefinitions, type LatexMacros } from './latexMacros';

const DEFINITIONS = String.raw`
\def\TeX{TeX} \def\LaTeX{LaTeX} \def\LaTeXe{LaTeX2ε} \def\LaTeXTeX{(La)TeX} \def\AllTeX{(La)TeX} \def\La{La}
\def\BibTeX{BibTeX} \def\bibtex{BibTeX} \def\BibLaTeX{BibLaTeX} \def\biblatex{biblatex} \def\biber{Biber}
\def\AmS{AMS} \def\AMS{AMS} \def\AmSTeX{AMS-TeX} \def\AMSTeX{AMS-TeX} \def\AmSLaTeX{AMS-LaTeX} \def\AMSLaTeX{AMS-LaTeX}
\def\METAFONT{METAFONT} \def\MF{METAFONT} \def\METAPOST{METAPOST} \def\MP{METAPOST} \def\MetaPost{MetaPost}
\def\MetaFun{MetaFun} \def\FEATPOST{FEATPOST} \def\slMF{METAFONT}
\def\XeTeX{XeTeX} \def\XeLaTeX{XeLaTeX} \def\LuaTeX{LuaTeX} \def\LuaLaTeX{LuaLaTeX} \def\LuaHBTeX{LuaHBTeX}
\def\pdfTeX{pdfTeX} \def\pdfLaTeX{pdfLaTeX} \def\pdftex{pdfTeX} \def\ConTeXt{ConTeXt} \def\CONTEXT{ConTeXt}
\def\eTeX{ε-TeX} \def\ExTeX{ExTeX} \def\NTS{NTS} \def\OMEGA{Omega} \def\eOmega{eOmega} \def\Aleph{Aleph}
\def\PiCTeX{PiCTeX} \def\PiC{PiC} \def\SliTeX{SliTeX} \def\LyX{LyX} \def\JTeX{JTeX} \def\MTeX{MTeX} \def\VorTeX{VorTeX}
\def\TeXLive{TeX Live} \def\TeXworks{TeXworks} \def\TeXShop{TeXShop} \def\TikZ{TikZ} \def\PGF{PGF} \def\Xy{Xy}
\def\XyPic{Xy-pic} \def\MakeIndex{MakeIndex} \def\TeXtures{Textures} \def\TeXMaG{TeXMaG} \def\TeXhax{TeXhax}
\def\TeXbook{The TeXbook} \def\METAFONTbook{The METAFONTbook} \def\JoT{The Joy of TeX} \def\TeXML{TeXML}
\def\GUST{GUST} \def\DANTE{DANTE} \def\NTG{NTG} \def\CSTUG{CSTUG} \def\uktug{UK TUG} \def\UKTUG{UK TUG}
\def\TUB{TUGboat} \def\TUG{TeX Users Group} \def\UG{Users Group} \def\tug{TUG} \def\SC{Steering Committee}
\def\CTAN{CTAN} \def\PDF{PDF} \def\DVI{DVI} \def\PS{PostScript} \def\POSTSCRIPT{PostScript} \def\PostScript{PostScript}
\def\HTML{HTML} \def\SGML{SGML} \def\XML{XML} \def\CSS{CSS} \def\GNU{GNU} \def\UNIX{UNIX} \def\VAX{VAX} \def\DVD{DVD}
\def\Java{Java} \def\MacOSX{Mac OS X} \def\Pas{Pascal} \def\Thanh{Hàn Thế Thành} \def\THANH{Hàn Thế Thành}
\def\hologo#1{#1} \def\acro#1{#1} \def\booktitle#1{#1} \def\file#1{#1} \def\pkg#1{#1} \def\pgm#1{#1} \def\cs#1{#1}
\def\env#1{#1} \def\option#1{#1} \def\progname#1{#1} \def\tubissue#1#2{TUGboat #1, no. #2}
\def\emdash{---} \def\endash{--} \def\Dash{---} \def\dash{--} \def\slash{/} \def\bs{\textbackslash}
\def\TM{™} \def\reg{®} \def\circled#1{(#1)} \def\noopsort#1{} \def\nocite#1{} \def\index#1{} \def\label#1{}
\def\POBox{P.O. Box} \def\Abstract{[Abstract]} \def\macro#1{#1} \def\plain{plain} \def\WEB{WEB} \def\CWEB{CWEB}
\def\AMSTEX{AMS-TeX} \def\LAMSTeX{LAMS-TeX} \def\XyMTeX{XyMTeX} \def\XYMTeX{XyMTeX} \def\PreTeX{PreTeX} \def\mtex{MTeX}
\def\BaSiX{BaSiX} \def\archiTeX{archiTeX} \def\JemTeX{JemTeX} \def\LexiTeX{LexiTeX} \def\NexTeX{NexTeX} \def\GeX{GeX}
\def\NetBibTeX{NetBibTeX} \def\FDNTeX{FDNTeX} \def\DVItoVDU{DVItoVDU} \def\Tib{Tib} \def\WYSIWYG{WYSIWYG} \def\hyphen{-}
\let\ssf=\sf \let\sltt=\tt \font\slnine=cmsl9 \font\eightrm=cmr8 \font\ninesmc=cmcsc9 \font\manual=manfnt \font\manfnt=manfnt
\def\mathsPIC{mathsPIC} \def\Xypic{Xy-pic} \def\XyM{XyM} \def\VnTeX{VnTeX} \def\origLaTeX{LaTeX} \def\Bib{Bib}
\def\gmLaTeXplain{gmLaTeXplain} \def\AcroFLeX{AcroFLeX} \def\bibtexcpp{BibTeX++} \def\dvitosvg{dvitosvg} \def\CS{CS}
\def\WARMreader{WARMreader} \def\warmreader{WARMreader} \def\curve{CurVe} \def\otr{otr} \def\Xe{Xe} \def\lib#1{#1}
\def\ringhalfrighti{'}
\font\tensl=cmsl10 \font\slc=cmsl9 \font\tenss=cmss10 \font\tensy=cmsy10 \font\acrosl=cmsl9
`;

/** The built-in macros, parsed once. */
export const texLogoMacros: LatexMacros = parseMacroDefinitions(DEFINITIONS);
